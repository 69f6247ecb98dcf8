/**
 * Checks a file's magic bytes against its declared type, so a renamed file of another kind is
 * refused whatever its name or Content-Type header claims. Callers check first that the type
 * is one their route accepts.
 */
export function matchesSignature(type: string, data: Buffer): boolean {
  const check = new SignatureCheck(type);
  check.push(data);
  return check.matches();
}

/**
 * How many leading bytes the checks look at; the furthest is OpenDocument's media type, which
 * ends at most 84 bytes into the file.
 */
export const SIGNATURE_HEAD_BYTES = 128;

/** Office Open XML is a ZIP whose parts are listed in [Content_Types].xml, named anywhere in it. */
const OOXML_PART_LIST = Buffer.from('[Content_Types].xml', 'latin1');

/**
 * The same check for a file that streams in, holding only its first bytes: `push` each chunk,
 * ask `refused()` after each (true as soon as the leading bytes are in and do not match, so an
 * upload can be stopped early), and `matches()` at the end.
 */
export class SignatureCheck {
  private head = Buffer.alloc(0);
  private readonly needle: Buffer | undefined;
  private needleFound = false;
  /** The last bytes of what came before, so a name split across two chunks is still found. */
  private carry = Buffer.alloc(0);

  constructor(private readonly type: string) {
    this.needle = isOfficeOpenXml(type) ? OOXML_PART_LIST : undefined;
  }

  push(chunk: Buffer): void {
    if (this.head.length < SIGNATURE_HEAD_BYTES) {
      const wanted = SIGNATURE_HEAD_BYTES - this.head.length;
      this.head = Buffer.concat([this.head, chunk.subarray(0, wanted)]);
    }
    if (this.needle && !this.needleFound) {
      const window = Buffer.concat([this.carry, chunk]);
      this.needleFound = window.includes(this.needle);
      this.carry = window.subarray(Math.max(0, window.length - (this.needle.length - 1)));
    }
  }

  /** True once enough bytes have arrived to know that the file is not of its declared type. */
  refused(): boolean {
    return this.head.length >= SIGNATURE_HEAD_BYTES && !leadingBytesMatch(this.type, this.head);
  }

  /** The verdict, once every byte has been pushed. */
  matches(): boolean {
    return leadingBytesMatch(this.type, this.head) && (!this.needle || this.needleFound);
  }
}

function leadingBytesMatch(type: string, data: Buffer): boolean {
  switch (type) {
    case 'video/mp4':
      // ISO base media: a box of type `ftyp` first.
      return data.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'video/webm':
      // Matroska's EBML header.
      return data.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    case 'image/png':
      return data
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
    case 'image/webp':
      return (
        data.subarray(0, 4).toString('ascii') === 'RIFF' &&
        data.subarray(8, 12).toString('ascii') === 'WEBP'
      );
    case 'application/pdf':
      return data.subarray(0, 5).toString('ascii') === '%PDF-';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      // The part list is looked for in the whole file (see SignatureCheck).
      return isZip(data);
    case 'application/vnd.oasis.opendocument.text':
    case 'application/vnd.oasis.opendocument.presentation':
    case 'application/vnd.oasis.opendocument.spreadsheet':
      // OpenDocument stores its media type uncompressed as the ZIP's first entry.
      return (
        isZip(data) &&
        data.subarray(30, 38).toString('latin1') === 'mimetype' &&
        data.subarray(38, 38 + type.length).toString('latin1') === type
      );
    default:
      return false;
  }
}

function isOfficeOpenXml(type: string): boolean {
  return type.startsWith('application/vnd.openxmlformats-officedocument.');
}

function isZip(data: Buffer): boolean {
  return data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
