/**
 * Checks a file's magic bytes against its declared type, so a renamed file of another kind is
 * refused whatever its name or Content-Type header claims. Callers check first that the type
 * is one their route accepts.
 */
export function matchesSignature(type: string, data: Buffer): boolean {
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
      // Office Open XML is a ZIP whose parts are listed in [Content_Types].xml.
      return isZip(data) && data.includes('[Content_Types].xml', 0, 'latin1');
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

function isZip(data: Buffer): boolean {
  return data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
