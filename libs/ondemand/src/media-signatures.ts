/**
 * Checks a file's first bytes against the type it claims, so a renamed file of another kind is
 * refused whatever its name or Content-Type header says.
 */
export function matchesMediaSignature(type: string, data: Buffer): boolean {
  switch (type) {
    case 'video/mp4':
      // ISO base media: a box of type `ftyp` first.
      return data.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'video/webm':
      // Matroska's EBML header.
      return data.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    case 'application/pdf':
      return data.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'image/png':
      return data
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case 'image/jpeg':
      return data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
    case 'image/webp':
      return (
        data.subarray(0, 4).toString('latin1') === 'RIFF' &&
        data.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    default:
      return false;
  }
}
