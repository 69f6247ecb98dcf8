import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import type { PlenumConfig } from '@plenum/config';
import { LiveEmitter, socketIoKey } from './live-emitter';
import { ProcessFaults } from './process-faults';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on (bound, then released): Redis cut away. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

describe('LiveEmitter', () => {
  const config = { redisPrefix: `plenum-test:emitter-${process.pid}` } as PlenumConfig;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const clients: Redis[] = [];

  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });

  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  afterAll(() => {
    for (const client of clients) client.disconnect();
  });

  it('catches and counts a publish that Redis refuses, instead of leaving it unhandled', async () => {
    // What ioredis does while Redis is cut: retries, then rejects with MaxRetriesPerRequestError.
    const redis = new Redis(`redis://127.0.0.1:${await deadPort()}`, {
      maxRetriesPerRequest: 1,
      retryStrategy: () => 20,
    });
    redis.on('error', () => undefined);
    clients.push(redis);
    const faults = new ProcessFaults();
    const emitter = new LiveEmitter(redis, config, faults);

    expect(() =>
      emitter.to(['session:a', 'user:b']).except('user:c').emit('presence:count', {
        room: 'session:a',
        counter: 'viewers',
        count: 1,
      }),
    ).not.toThrow();
    emitter.to('session:a').emit('reaction:burst', { room: 'session:a', counts: { applause: 1 } });

    await until(() => faults.totals()['emit-failed'] === 2);
    // Node reports unhandled rejections after the microtask queue drains.
    await new Promise((r) => setImmediate(r));
    expect(unhandled).toEqual([]);
  });

  it('publishes on the Socket.IO channel of the room when Redis answers', async () => {
    const redis = new Redis(REDIS_URL);
    const subscriber = new Redis(REDIS_URL);
    clients.push(redis, subscriber);
    const channel = `${socketIoKey(config)}#/live#session:x#`;
    await subscriber.subscribe(channel);
    const heard = new Promise<string>((resolve) =>
      subscriber.on('messageBuffer', (from: Buffer) => resolve(from.toString())),
    );
    const faults = new ProcessFaults();
    new LiveEmitter(redis, config, faults)
      .to('session:x')
      .emit('reaction:burst', { room: 'session:x', counts: { applause: 2 } });
    expect(await heard).toBe(channel);
    expect(faults.totals()['emit-failed']).toBe(0);
  });
});
