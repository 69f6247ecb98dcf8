import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PlenumError } from './plenum-error';

/** A file written by `FileStorage.write`: its new key and how many bytes it holds. */
export interface StoredFile {
  key: string;
  bytes: number;
}

/**
 * Where uploaded files live. The default keeps them on local disk under STORAGE_DIR; an object
 * store can take its place by providing another implementation of these calls.
 */
export abstract class FileStorage {
  abstract put(prefix: string, data: Buffer): Promise<string>;
  /**
   * Streams `source` into a new file without holding it in memory. The file exists only once it
   * is complete: when `source` fails (an upload past its limit, of the wrong kind, or broken off)
   * or the write does, nothing is left behind and the error is passed on.
   */
  abstract write(prefix: string, source: Readable): Promise<StoredFile>;
  abstract get(key: string): Promise<Buffer>;
  abstract remove(key: string): Promise<void>;

  /** The size in bytes, so a large file (a video) can be served in ranges. */
  async size(key: string): Promise<number> {
    return (await this.get(key)).length;
  }

  /** Bytes `start` to `end` inclusive, as a stream; a store that can read ranges overrides this. */
  async read(key: string, start: number, end: number): Promise<Readable> {
    return Readable.from([(await this.get(key)).subarray(start, end + 1)]);
  }
}

/** Keys are generated here, never taken from a request, so no path can escape the root. */
const keyPattern = /^[a-z0-9-]{1,40}\/[0-9a-f-]{36}$/;

export class LocalDiskStorage extends FileStorage {
  private readonly root: string;

  /** `dir` is STORAGE_DIR: absolute, or relative to the working directory. */
  constructor(dir: string) {
    super();
    this.root = isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  async put(prefix: string, data: Buffer): Promise<string> {
    const key = `${prefix}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data, { flag: 'wx' });
    return key;
  }

  async write(prefix: string, source: Readable): Promise<StoredFile> {
    const key = `${prefix}/${randomUUID()}`;
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Beside its final place, so the rename is atomic; keys never end in `.part`, so a partial
    // file can never be served.
    const partial = `${path}.part`;
    let bytes = 0;
    try {
      await pipeline(
        source,
        async function* count(chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            bytes += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(partial, { flags: 'wx' }),
      );
      await rename(partial, path);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return { key, bytes };
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw PlenumError.notFound('File not found');
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  override async size(key: string): Promise<number> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        throw PlenumError.notFound('File not found');
      throw err;
    }
  }

  override async read(key: string, start: number, end: number): Promise<Readable> {
    await this.size(key);
    return createReadStream(this.pathOf(key), { start, end });
  }

  private pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`Invalid storage key ${key}`);
    return join(this.root, key);
  }
}
