import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { LocalDiskStorage } from './file-storage.service';
import { PlenumError } from './plenum-error';
import type { BodyRule } from './request-bodies';
import { IncomingUpload } from './uploads';

const pdfRule: BodyRule = {
  as: 'stream',
  contentTypes: ['application/pdf'],
  maxBytes: 100_000,
  checkSignature: true,
};
const pdfStart = Buffer.from('%PDF-1.7\n');

/** A request body that hands out `count` chunks of `size` bytes, one per read, and counts them. */
function body(first: Buffer, count: number, size = 1000): Readable & { pulled: () => number } {
  let pulled = 0;
  const stream = new Readable({
    read() {
      if (pulled === count) {
        this.push(null);
        return;
      }
      this.push(pulled === 0 ? first : Buffer.alloc(size, 0x20));
      pulled += 1;
    },
  });
  return Object.assign(stream, { pulled: () => pulled });
}

async function errorOf(promise: Promise<unknown>): Promise<PlenumError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(PlenumError);
  return error as PlenumError;
}

describe('IncomingUpload', () => {
  let dir: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenum-uploads-'));
    storage = new LocalDiskStorage(dir);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Every file under the storage root, partial ones included. */
  async function files(): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }

  it('streams a file into storage and counts its bytes', async () => {
    const source = body(pdfStart, 50);
    const stored = await new IncomingUpload(source, 'application/pdf', pdfRule).store(
      storage,
      'slides',
    );
    expect(stored.bytes).toBe(pdfStart.length + 49 * 1000);
    const data = await readFile(join(dir, stored.key));
    expect(data.length).toBe(stored.bytes);
    expect(data.subarray(0, pdfStart.length)).toEqual(pdfStart);
    expect(await files()).toHaveLength(1);
  });

  it('stops at the limit with 413 and leaves no partial file', async () => {
    const source = body(pdfStart, 1000);
    const upload = new IncomingUpload(source, 'application/pdf', pdfRule);
    const error = await errorOf(upload.store(storage, 'slides'));
    expect(error.status).toBe(413);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await files()).toEqual([]);
    // Read no further than the limit (and what the stream had buffered).
    expect(source.pulled()).toBeLessThan(200);
    expect(source.readableEnded).toBe(false);
  });

  it('refuses a file of another kind by its first bytes, before reading the rest', async () => {
    const source = body(Buffer.alloc(1000, 0x4d), 1000);
    const error = await errorOf(
      new IncomingUpload(source, 'application/pdf', pdfRule).store(storage, 'slides'),
    );
    expect(error.status).toBe(422);
    expect(error.extra.fields?.[0]?.path).toBe('body');
    expect(source.pulled()).toBeLessThan(50);
    expect(await files()).toEqual([]);
  });

  it('refuses an empty file with 422', async () => {
    const error = await errorOf(
      new IncomingUpload(Readable.from([]), 'application/pdf', pdfRule).store(storage, 'slides'),
    );
    expect(error.status).toBe(422);
    expect(await files()).toEqual([]);
  });

  it('answers a body broken off before its end with 400 and stores nothing', async () => {
    let reads = 0;
    const source = new Readable({
      read() {
        reads += 1;
        if (reads === 5) this.destroy();
        else this.push(reads === 1 ? pdfStart : Buffer.alloc(1000));
      },
    });
    const error = await errorOf(
      new IncomingUpload(source, 'application/pdf', pdfRule).store(storage, 'slides'),
    );
    expect(error.status).toBe(400);
    expect(reads).toBe(5);
    expect(await files()).toEqual([]);
  });

  it('answers 400 when the client left before the handler began to read', async () => {
    const source = new PassThrough();
    source.write(pdfStart);
    source.destroy();
    const error = await errorOf(
      new IncomingUpload(source, 'application/pdf', pdfRule).store(storage, 'slides'),
    );
    expect(error.status).toBe(400);
    expect(await files()).toEqual([]);
  });

  it('reads a small file into memory, with the same checks', async () => {
    const logoRule: BodyRule = { ...pdfRule, maxBytes: 10_000 };
    const small = await new IncomingUpload(
      body(pdfStart, 3),
      'application/pdf',
      logoRule,
    ).toBuffer();
    expect(small.length).toBe(pdfStart.length + 2000);
    const large = new IncomingUpload(body(pdfStart, 30), 'application/pdf', logoRule).toBuffer();
    expect((await errorOf(large)).status).toBe(413);
  });

  it('keeps large uploads out of memory', async () => {
    const rule: BodyRule = { ...pdfRule, maxBytes: 500 * 1024 * 1024 };
    const upload = new IncomingUpload(body(pdfStart, 1), 'application/pdf', rule);
    await expect(upload.toBuffer()).rejects.toThrow(/streamed, not buffered/);
  });
});
