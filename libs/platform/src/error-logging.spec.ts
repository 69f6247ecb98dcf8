import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import pino from 'pino';
import { Logger as PinoNestLogger, PinoLogger } from 'nestjs-pino';

/**
 * The house style `this.logger.error({ err, ...ids }, 'message')` through Nest's Logger, as the
 * api and the worker wire it (nestjs-pino behind Nest's Logger), writes one JSON line with the
 * message, the context and the error serialized with its stack.
 */
describe('errors logged as objects', () => {
  const lines: string[] = [];

  let pinoNest: PinoNestLogger;

  beforeAll(() => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').trim().split('\n'));
        done();
      },
    });
    const pinoLogger = new PinoLogger({ pinoHttp: { logger: pino({ level: 'info' }, stream) } });
    pinoNest = new PinoNestLogger(pinoLogger, {});
    Logger.overrideLogger(pinoNest);
  });

  afterAll(() => {
    Logger.overrideLogger(true);
  });

  it('keeps the message, the ids and the stack', () => {
    const err = new Error('connection reset');
    new Logger('QaVotes').warn({ err, sessionId: 's-1' }, 'Vote update failed');

    const line = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 40,
      msg: 'Vote update failed',
      context: 'QaVotes',
      sessionId: 's-1',
      err: { type: 'Error', message: 'connection reset' },
    });
    expect((line.err as { stack: string }).stack).toContain('error-logging.spec.ts');
  });

  it('serializes what is thrown even when it is no Error', () => {
    new Logger('Presence').error({ err: 'plain text thrown' }, 'Presence refresh failed');

    const line = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'Presence refresh failed', err: 'plain text thrown' });
  });

  it("needs Nest's Logger in front: nestjs-pino's own takes the message for the context", () => {
    // Why the worker hands closeOnSignals a Nest Logger, not app.get(nestjs-pino Logger).
    pinoNest.error({ err: new Error('x') }, 'error while shutting down');

    const line = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(line.msg).not.toBe('error while shutting down');
    expect(line.context).toBe('error while shutting down');
  });
});
