import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { jsonErrorPlace } from './json-body';
import { PlenumError } from './plenum-error';

/** Every route takes JSON up to this size unless it declares another body. */
export const JSON_BODY_LIMIT = 1_048_576;

/**
 * What a route's body may be. `json` is every route's default; `stream` hands the body to the
 * handler unread (uploads, see `@Upload`); `text` reads it as text before the handler (signed
 * webhooks, which are checked against the bytes as sent).
 */
export interface BodyRule {
  as: 'json' | 'stream' | 'text';
  /** Media types without parameters, lower case. */
  contentTypes: readonly string[];
  maxBytes: number;
  /** For `stream`: whether the file's first bytes must match its declared type. */
  checkSignature?: boolean;
}

const BODY_RULE = 'plenumBody';
const jsonRule: BodyRule = {
  as: 'json',
  contentTypes: ['application/json'],
  maxBytes: JSON_BODY_LIMIT,
};

/** Sets a route's body rule; read by the hooks below before any byte of the body is. */
export function BodyRoute(rule: BodyRule): MethodDecorator {
  return RouteConfig({ [BODY_RULE]: rule });
}

/**
 * The route takes a text body of these types (a signed webhook), read before the handler runs,
 * so it is for routes that authenticate the body itself; it keeps a small limit.
 */
export function TextBody(options: {
  contentTypes: readonly string[];
  maxBytes: number;
}): MethodDecorator {
  return applyDecorators(
    BodyRoute({ as: 'text', ...options }),
    ApiConsumes(...options.contentTypes),
    ApiBody({ schema: { type: 'string' } }),
  );
}

export function bodyRuleOf(request: FastifyRequest): BodyRule {
  const config = request.routeOptions.config as { [BODY_RULE]?: BodyRule } | undefined;
  return config?.[BODY_RULE] ?? jsonRule;
}

/** The media type of a Content-Type header, without parameters, lower case; '' when missing. */
export function mediaTypeOf(header: string | undefined): string {
  return header?.split(';')[0]?.trim().toLowerCase() ?? '';
}

export function unsupportedMediaType(rule: BodyRule): PlenumError {
  const [only, ...more] = rule.contentTypes;
  const what = more.length === 0 ? `as ${only}` : `as one of ${rule.contentTypes.join(', ')}`;
  return new PlenumError('UNSUPPORTED_MEDIA_TYPE', `Send the body ${what}`, 415);
}

export function payloadTooLarge(rule: BodyRule): PlenumError {
  const what = rule.as === 'stream' ? 'The file' : 'The body';
  return new PlenumError(
    'PAYLOAD_TOO_LARGE',
    `${what} may be at most ${megabytes(rule.maxBytes)}`,
    413,
  );
}

export function interruptedBody(): PlenumError {
  return new PlenumError('BAD_REQUEST', 'The body was broken off before its end', 400);
}

function megabytes(bytes: number): string {
  const mb = bytes % 1_048_576 === 0 ? bytes / 1_048_576 : bytes / 1_000_000;
  return `${Number(mb.toFixed(1))} MB`;
}

function carriesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

/**
 * Makes every route take only the body it declares (see `BodyRule`), before reading any of it:
 * another type is answered 415 and a declared length past the limit 413 at once, and a body
 * that turns out longer while being read 413 as soon as it passes the limit. Upload bodies reach
 * their handler unread, after the guards, and are streamed from there (`IncomingUpload`). What
 * is left of a body answered before its end is dropped, never held, for a short while; past
 * that the connection is closed (`drainOrClose`).
 */
export function acceptRequestBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();

  // Fastify's own JSON parser (with its prototype-poisoning guard), but a malformed body is
  // answered with the line and column where it breaks: schedule files are often hand-edited.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT },
    (req, body, done) => {
      void parseJson(req, String(body), (err, value) => {
        if (err && (err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
          const { line, column } = jsonErrorPlace(String(body));
          const error = new Error(`The body is not valid JSON (line ${line}, column ${column})`);
          Object.assign(error, { statusCode: 400 });
          done(error, undefined);
          return;
        }
        done(err, value);
      });
    },
  );

  // Every other type the gate below let through belongs to a route that declared it.
  fastify.addContentTypeParser('*', (request, payload, done) => {
    const rule = bodyRuleOf(request);
    if (rule.as === 'stream') {
      done(null, payload);
    } else if (rule.as === 'text') {
      readText(payload, rule).then(
        (text) => done(null, text),
        (err: Error) => done(err, undefined),
      );
    } else {
      done(unsupportedMediaType(rule), undefined);
    }
  });

  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    if (!carriesBody(request)) {
      done(null, payload);
      return;
    }
    const rule = bodyRuleOf(request);
    if (!rule.contentTypes.includes(mediaTypeOf(request.headers['content-type']))) {
      done(unsupportedMediaType(rule));
      return;
    }
    if (Number(request.headers['content-length']) > rule.maxBytes) {
      done(payloadTooLarge(rule));
      return;
    }
    done(null, payload);
  });

  // Fastify closes the connection at once after a body it refused; closing while the client is
  // still sending can lose the answer (its write fails first), so the rest is drained instead.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!request.raw.complete) void reply.removeHeader('connection');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    if (!request.raw.complete) drainOrClose(request.raw);
    done();
  });
}

/** How long the api goes on dropping what arrives of a body it answered before its end. */
export const DRAIN_MAX_MS = 2_000;

/**
 * Drops what still arrives of an answered body (Node.js discards a body nobody listens to, so
 * nothing is held), so the client can read the answer and stop, and the connection stays usable.
 * Closing at once instead would make many clients lose the answer: their next write fails before
 * they read it. A body still arriving after DRAIN_MAX_MS has its connection closed.
 */
function drainOrClose(body: IncomingMessage): void {
  body.resume();
  setTimeout(() => {
    if (!body.complete) body.socket.destroy();
  }, DRAIN_MAX_MS).unref();
}

function readText(payload: Readable, rule: BodyRule): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const stop = (): void => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > rule.maxBytes) {
        stop();
        payload.pause();
        reject(payloadTooLarge(rule));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (): void => {
      stop();
      reject(interruptedBody());
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
  });
}
