import { inflateSync } from 'node:zlib';
import { demoBrochurePdf, demoLogoPng, initialsOf } from './demo-files';

describe('demo booth files', () => {
  it('draws initials into a valid PNG', () => {
    expect(initialsOf('Glasfaser Nordhessen GmbH')).toBe('GN');
    expect(initialsOf('ekom21 – KGRZ Hessen')).toBe('EK');
    const png = demoLogoPng('Glasfaser Nordhessen GmbH', 1);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(160);
    const idatAt = png.indexOf('IDAT');
    const length = png.readUInt32BE(idatAt - 4);
    const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length));
    expect(raw.length).toBe((160 * 3 + 1) * 96);
    // Some pixels are white (the letters), most are the tile colour.
    expect(raw.includes(Buffer.from([255, 255, 255]))).toBe(true);
  });

  it('writes a PDF whose cross-reference offsets point at its objects', () => {
    const pdf = demoBrochurePdf('Übersicht (2026)', ['Zeile eins', 'Straße zwei']);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...text.slice(xrefAt).matchAll(/(\d{10}) 00000 n/g)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) =>
      expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true),
    );
    expect(text).toContain('(\\xdcbersicht \\(2026\\)) Tj'.replace('\\xdc', 'Ü'));
  });
});
