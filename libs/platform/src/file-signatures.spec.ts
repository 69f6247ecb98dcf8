import { SIGNATURE_HEAD_BYTES, SignatureCheck, matchesSignature } from './file-signatures';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300, 0x20)]);
const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function pushInPieces(check: SignatureCheck, data: Buffer, size: number): void {
  for (let i = 0; i < data.length; i += size) check.push(data.subarray(i, i + size));
}

describe('SignatureCheck', () => {
  it('comes to the same verdict however the bytes are cut', () => {
    for (const size of [1, 3, 64, 4096]) {
      const check = new SignatureCheck('application/pdf');
      pushInPieces(check, pdf, size);
      expect(check.refused()).toBe(false);
      expect(check.matches()).toBe(true);
    }
  });

  it('refuses a file of another kind as soon as its first bytes are in', () => {
    const check = new SignatureCheck('application/pdf');
    check.push(Buffer.alloc(SIGNATURE_HEAD_BYTES - 1, 0x4d));
    expect(check.refused()).toBe(false);
    check.push(Buffer.from([0x4d]));
    expect(check.refused()).toBe(true);
    expect(check.matches()).toBe(false);
  });

  it('decides a file shorter than the head at its end', () => {
    const short = Buffer.from('%PDF-1.4 tiny');
    const check = new SignatureCheck('application/pdf');
    check.push(short);
    expect(check.refused()).toBe(false);
    expect(check.matches()).toBe(true);
    expect(matchesSignature('image/png', short)).toBe(false);
  });

  it("finds Office Open XML's part list anywhere, even split between two chunks", () => {
    const name = Buffer.from('[Content_Types].xml', 'latin1');
    const file = Buffer.concat([zipHeader, Buffer.alloc(5000, 7), name, Buffer.alloc(100)]);
    const cut = 4 + 5000 + 7;
    const check = new SignatureCheck(docx);
    check.push(file.subarray(0, cut));
    check.push(file.subarray(cut));
    expect(check.matches()).toBe(true);
    expect(matchesSignature(docx, file)).toBe(true);

    const plainZip = Buffer.concat([zipHeader, Buffer.alloc(5000, 7)]);
    expect(matchesSignature(docx, plainZip)).toBe(false);
  });

  it('knows no signature for types it was not taught', () => {
    expect(matchesSignature('application/zip', Buffer.concat([zipHeader, pdf]))).toBe(false);
  });
});
