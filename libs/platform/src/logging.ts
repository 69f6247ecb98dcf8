import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { PlenumConfig } from '@plenum/config';

export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

/** JSON logs with the request id on every line; secrets never reach the log. */
export function loggerParams(config: PlenumConfig): Params {
  return {
    // Nest 11 route syntax; the default '*' logs a conversion warning at every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestId,
      customProps: (req) => ({ reqId: (req as IncomingMessage & { id?: string }).id }),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          'password',
          'body.password',
        ],
        remove: true,
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url?.split('?')[0],
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // Health probes and metrics scrapes every few seconds would drown the log.
      autoLogging: {
        ignore: (req) => {
          const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
          return url === '/api/health' || url?.split('?')[0] === '/metrics';
        },
      },
    },
  };
}
