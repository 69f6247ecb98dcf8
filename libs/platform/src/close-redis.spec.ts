import Redis from 'ioredis';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { closeRedisClient } from './close-redis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nothing listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('closeRedisClient', () => {
  it('quits a ready client after its pending replies', async () => {
    const client = new Redis(REDIS_URL);
    await client.ping();
    const pending = client.ping();
    await closeRedisClient(client);
    await expect(pending).resolves.toBe('PONG');
    expect(client.status).toBe('end');
  });

  it('drops a client that is still trying to connect instead of waiting for it', async () => {
    const client = new Redis(`redis://127.0.0.1:${await deadPort()}`, {
      retryStrategy: () => 50,
      lazyConnect: false,
    });
    client.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(client.status).not.toBe('ready');
    const started = Date.now();
    await closeRedisClient(client, 300);
    expect(Date.now() - started).toBeLessThan(1_000);
    // It stops trying: no further connection attempts after the close.
    let attempts = 0;
    client.on('connecting', () => (attempts += 1));
    client.on('reconnecting', () => (attempts += 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts).toBe(0);
  });

  it('accepts a missing or already closed client', async () => {
    await expect(closeRedisClient(undefined)).resolves.toBeUndefined();
    const client = new Redis(REDIS_URL);
    await client.ping();
    await client.quit();
    await expect(closeRedisClient(client)).resolves.toBeUndefined();
  });
});
