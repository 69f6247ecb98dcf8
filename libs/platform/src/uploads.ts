import { Readable } from 'node:stream';
import { applyDecorators, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SIGNATURE_HEAD_BYTES, SignatureCheck } from './file-signatures';
import type { FileStorage, StoredFile } from './file-storage.service';
import { PlenumError } from './plenum-error';
import {
  BodyRoute,
  bodyRuleOf,
  interruptedBody,
  mediaTypeOf,
  payloadTooLarge,
  unsupportedMediaType,
} from './request-bodies';
import type { BodyRule } from './request-bodies';

/** Uploads up to this size may be read into memory whole (`IncomingUpload.toBuffer`). */
export const SMALL_UPLOAD_BYTES = 1_048_576;

export interface UploadOptions {
  /** Media types without parameters, lower case; any other is answered 415 unread. */
  contentTypes: readonly string[];
  /** Larger files are answered 413 (from Content-Length, or as soon as the limit is passed). */
  maxBytes: number;
  /** The first bytes must match the declared type (`file-signatures.ts`); default true. */
  checkSignature?: boolean;
}

/**
 * The route takes a file as the raw request body. The body reaches the handler unread, after
 * authentication and the permission checks in its guards, as an `IncomingUpload` (take it with
 * `@UploadedBody()`); the handler streams it to storage once it has checked who may upload.
 */
export function Upload(options: UploadOptions): MethodDecorator {
  return applyDecorators(
    BodyRoute({ as: 'stream', checkSignature: true, ...options }),
    ApiConsumes(...options.contentTypes),
    ApiBody({ schema: { type: 'string', format: 'binary' } }),
  );
}

/** The file of an `@Upload` route, not yet read. */
export const UploadedBody = createParamDecorator(
  (_data: unknown, context: ExecutionContext): IncomingUpload => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const rule = bodyRuleOf(request);
    if (rule.as !== 'stream') throw new Error(`${request.url} takes no upload; mark it @Upload()`);
    const contentType = mediaTypeOf(request.headers['content-type']);
    // A request without a body skips the checks made before parsing.
    if (!rule.contentTypes.includes(contentType)) throw unsupportedMediaType(rule);
    const source = request.body instanceof Readable ? request.body : request.raw;
    return new IncomingUpload(source, contentType, rule);
  },
);

/**
 * An uploaded file as it arrives. Read it once, after the permission checks: `store` streams it
 * to a `FileStorage`, `toBuffer` reads a small one into memory. Either way it is counted (413
 * past the route's limit), checked by its first bytes (422 when they do not match its type,
 * before the rest is read) and refused when empty (422); nothing is stored when it fails.
 */
export class IncomingUpload {
  private taken = false;

  constructor(
    private readonly source: Readable,
    /** The declared media type, one the route takes. */
    readonly contentType: string,
    private readonly rule: BodyRule,
  ) {}

  store(storage: FileStorage, prefix: string): Promise<StoredFile> {
    return storage.write(prefix, this.checked());
  }

  async toBuffer(): Promise<Buffer> {
    if (this.rule.maxBytes > SMALL_UPLOAD_BYTES) {
      throw new Error(`Uploads of up to ${this.rule.maxBytes} bytes are streamed, not buffered`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of this.checked()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private checked(): Readable {
    if (this.taken) throw new Error('An upload can be read once');
    this.taken = true;
    return new CheckedBody(this.source, new UploadChecks(this.contentType, this.rule));
  }
}

/** Counts an upload's bytes and checks its signature as they pass; throws what to answer. */
export class UploadChecks {
  private bytes = 0;
  private readonly signature: SignatureCheck | undefined;

  constructor(
    private readonly contentType: string,
    private readonly rule: BodyRule,
  ) {
    this.signature = rule.checkSignature === false ? undefined : new SignatureCheck(contentType);
  }

  accept(chunk: Buffer): void {
    const before = this.bytes;
    this.bytes += chunk.length;
    if (this.bytes > this.rule.maxBytes) throw payloadTooLarge(this.rule);
    if (!this.signature) return;
    this.signature.push(chunk);
    if (before < SIGNATURE_HEAD_BYTES && this.signature.refused()) throw this.notOfItsType();
  }

  finish(): void {
    if (this.bytes === 0) {
      throw PlenumError.validation([{ path: 'body', message: 'The file is empty' }]);
    }
    if (this.signature && !this.signature.matches()) throw this.notOfItsType();
  }

  private notOfItsType(): PlenumError {
    return PlenumError.validation([
      { path: 'body', message: `The file's content is not of its type (${this.contentType})` },
    ]);
  }
}

/**
 * The request body through `UploadChecks`, read only as fast as its consumer takes it, and only
 * once it asks. On a failure the request is left paused, never destroyed, so the error can still
 * be answered (what is left of it is then dropped, see `acceptRequestBodies`).
 */
class CheckedBody extends Readable {
  private attached = false;

  constructor(
    private readonly source: Readable,
    private readonly checks: UploadChecks,
  ) {
    super();
  }

  override _read(): void {
    if (this.attached) {
      this.source.resume();
      return;
    }
    this.attached = true;
    if (this.source.readableEnded) {
      this.onEnd();
      return;
    }
    // The client may have gone while the guards and the handler were still deciding.
    if (this.source.destroyed) {
      this.destroy(interruptedBody());
      return;
    }
    this.source.on('data', this.onData);
    this.source.on('end', this.onEnd);
    this.source.on('error', this.onBroken);
    this.source.on('close', this.onBroken);
    this.source.resume();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.detach();
    done(error);
  }

  private readonly onData = (chunk: Buffer): void => {
    try {
      this.checks.accept(chunk);
    } catch (err) {
      this.destroy(err as Error);
      return;
    }
    if (!this.push(chunk)) this.source.pause();
  };

  private readonly onEnd = (): void => {
    this.detach();
    try {
      this.checks.finish();
    } catch (err) {
      this.destroy(err as Error);
      return;
    }
    this.push(null);
  };

  /** The client went away (or the connection broke) before the body's end. */
  private readonly onBroken = (): void => {
    if (!this.source.readableEnded) this.destroy(interruptedBody());
  };

  private detach(): void {
    this.source.off('data', this.onData);
    this.source.off('end', this.onEnd);
    this.source.off('error', this.onBroken);
    this.source.off('close', this.onBroken);
    if (!this.source.readableEnded) this.source.pause();
  }
}
