import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export type ByteRange = { start: number; end: number };

/**
 * The one range of a `Range: bytes=…` header (a video element asks for one at a time), null
 * for no header, or 'unsatisfiable' for a range outside the file or several ranges at once.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  if (size === 0) return 'unsatisfiable';
  if (match[1] === '') {
    // A suffix: the last N bytes.
    const length = Number(match[2]);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export interface MediaFile {
  size: number;
  contentType: string;
  open: (start: number, end: number) => Promise<Readable>;
  /** Set for a download; inline otherwise (a video or a photo). */
  downloadName?: string;
}

/** Sends a stored file, whole or the range asked for, so a `<video>` can seek. */
export async function sendMedia(
  reply: FastifyReply,
  rangeHeader: string | undefined,
  file: MediaFile,
): Promise<void> {
  const range = parseRange(rangeHeader, file.size);
  void reply
    .header('Accept-Ranges', 'bytes')
    .header('Content-Type', file.contentType)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, max-age=3600');
  if (file.downloadName) {
    const name = file.downloadName;
    void reply.header(
      'Content-Disposition',
      `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  }
  if (range === 'unsatisfiable') {
    await reply.status(416).header('Content-Range', `bytes */${file.size}`).send();
    return;
  }
  const { start, end } = range ?? { start: 0, end: Math.max(0, file.size - 1) };
  if (range) {
    void reply.status(206).header('Content-Range', `bytes ${start}-${end}/${file.size}`);
  }
  void reply.header('Content-Length', String(file.size === 0 ? 0 : end - start + 1));
  if (file.size === 0) {
    await reply.send('');
    return;
  }
  await reply.send(await file.open(start, end));
}
