import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PlenumError } from './plenum-error';

/**
 * Where uploaded files live. The default keeps them on local disk under STORAGE_DIR; an object
 * store can take its place by providing another implementation of these three calls.
 */
export abstract class FileStorage {
  abstract put(prefix: string, data: Buffer): Promise<string>;
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
