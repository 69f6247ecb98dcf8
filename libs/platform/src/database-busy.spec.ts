import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { QueryFailedError } from 'typeorm';
import {
  databaseTrouble,
  isDatabaseBusy,
  isDatabaseUnavailable,
  isRedisUnavailable,
} from './database-busy';
import { PlenumError } from './plenum-error';

function pgError(code: string, message = 'error'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isDatabaseBusy', () => {
  it('knows the pool running out of connections and the server refusing more', () => {
    expect(isDatabaseBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseBusy(pgError('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseBusy(pgError('57014', 'canceling statement due to statement timeout'))).toBe(
      true,
    );
  });

  it('looks through a failed query to the driver error', () => {
    const lockTimeout = new QueryFailedError(
      'SELECT 1 FOR UPDATE',
      [],
      pgError('55P03', 'canceling statement due to lock timeout'),
    );
    expect(isDatabaseBusy(lockTimeout)).toBe(true);
    const unique = new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key'));
    expect(isDatabaseBusy(unique)).toBe(false);
  });

  it('leaves every other error a bug', () => {
    expect(isDatabaseBusy(new Error('Cannot read properties of undefined'))).toBe(false);
    expect(isDatabaseBusy(pgError('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseBusy('timeout exceeded when trying to connect')).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});

describe('isDatabaseUnavailable', () => {
  it('knows a refused, reset, timed-out or dropped connection', () => {
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNRESET', 'read ECONNRESET'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('Connection terminated due to connection timeout')),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query read timeout'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('DATABASE_UNAVAILABLE'))).toBe(true);
  });

  it("knows PostgreSQL's shutdown, start-up and connection-exception codes", () => {
    for (const code of ['57P01', '57P02', '57P03', '08000', '08003', '08006']) {
      expect(isDatabaseUnavailable(pgError(code))).toBe(true);
    }
  });

  it('looks through a failed query, a cause and an AggregateError', () => {
    const failed = new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating'));
    expect(isDatabaseUnavailable(failed)).toBe(true);
    const wrapped = new Error('outer', { cause: pgError('ECONNREFUSED') });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([pgError('ECONNREFUSED')], 'x'))).toBe(true);
  });

  it('leaves a bad query or a bug alone', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('22003', 'value out of range for type integer'))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});

describe('databaseTrouble', () => {
  it('answers 503 SERVICE_UNAVAILABLE or BUSY with a retry hint, and nothing for the rest', () => {
    const cut = databaseTrouble(pgError('ECONNREFUSED'));
    expect(cut).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
    expect(cut?.extra.retryAfterMs).toBeGreaterThan(0);
    expect(databaseTrouble(new Error('timeout exceeded when trying to connect'))).toMatchObject({
      code: 'BUSY',
      status: 503,
    });
    expect(databaseTrouble(new Error('bug'))).toBeUndefined();
    expect(databaseTrouble(PlenumError.notFound())).toBeUndefined();
  });
});

describe('isRedisUnavailable', () => {
  /** A port nothing listens on: a server is opened on a free port and closed again. */
  async function deadPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('knows what a real ioredis client rejects with while Redis is away, and answers 503', async () => {
    const redis = new Redis({
      host: '127.0.0.1',
      port: await deadPort(),
      maxRetriesPerRequest: 1,
      retryStrategy: () => 10,
      lazyConnect: false,
    });
    redis.on('error', () => undefined);
    try {
      const failure = await redis.ping().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(isRedisUnavailable(failure)).toBe(true);
      const answer = databaseTrouble(failure);
      expect(answer).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
      expect(answer?.extra).toMatchObject({ retryAfterMs: expect.any(Number) });
    } finally {
      redis.disconnect();
    }
  });

  it('knows a command cut off by a closed connection, and nothing else', () => {
    expect(isRedisUnavailable(new Error('Connection is closed.'))).toBe(true);
    expect(isRedisUnavailable(new Error('WRONGTYPE Operation against a key'))).toBe(false);
    expect(isRedisUnavailable(undefined)).toBe(false);
  });
});
