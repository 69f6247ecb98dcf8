import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { seedDemoCongress } from '@plenum/demo';
import { createApi } from '../../apps/api/src/bootstrap';
import {
  REDIS_TEST_URL,
  createSuiteDatabase,
  databaseUrl,
  deleteRedisKeys,
  dropDatabase,
} from './databases';

export { deleteRedisKeys };

export interface TestApp {
  baseUrl: string;
  app: NestFastifyApplication;
  config: PlenumConfig;
  dataSource: DataSource;
  databaseName: string;
  /**
   * Empties this suite's socket rate-limit buckets, so a test starts with full bursts whatever
   * the tests before it spent and however fast the machine ran them.
   */
  refillRateLimits(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the real api against the machine's PostgreSQL (a database of the suite's own, cloned
 * from the migrated template) and Redis (a key prefix of the suite's own), on a free port.
 */
export async function startTestApp(
  options: { seedDemo?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const databaseName = await createSuiteDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: REDIS_TEST_URL,
    REDIS_PREFIX: `plenum-test:${databaseName}`,
    LOG_LEVEL: 'silent',
    // The stall watch's 1 s default suits production; on a CI machine running suites side by
    // side a `SELECT 1` may queue that long without any fault. The fault suite keeps the default.
    DATABASE_PROBE_TIMEOUT_MS: '3000',
    // Likewise a pooled connection may take more than the production 2 s to come free while
    // other suites run; a suite that proves the 503 BUSY answer holds the whole pool.
    DATABASE_POOL_TIMEOUT_MS: '5000',
    DEMO_SEED: 'off',
    WEB_DIST: join(__dirname, '../../dist/web'),
    ...options.env,
  });
  const app = await createApi(config);
  const dataSource = app.get(DataSource);
  if (options.seedDemo) await seedDemoCongress(dataSource);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    app,
    config,
    dataSource,
    databaseName,
    refillRateLimits: () => deleteRedisKeys(`${config.redisPrefix}:live:rate:*`),
    async close() {
      await app.close();
      await dropDatabase(databaseName);
      await deleteRedisKeys(`${config.redisPrefix}:*`);
    },
  };
}

/**
 * An AUTH_SECRET for a suite whose PUBLIC_URL is not a loopback address (the api refuses the
 * published development secret there); pass `t.config.authSecret` on to a worker it starts.
 */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A small JSON client for the api under test. */
export class ApiClient {
  token: string | undefined;
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const h: Record<string, string> = { ...headers };
    if (this.token && !h.authorization) h.authorization = `Bearer ${this.token}`;
    if (this.cookie) h.cookie = this.cookie;
    let payload: string | Buffer | undefined;
    if (Buffer.isBuffer(body)) payload = body;
    else if (typeof body === 'string') payload = body;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !h['content-type']) h['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers: h, body: payload });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('plenum_refresh='));
    if (setCookie) {
      const value = setCookie.split(';')[0] ?? '';
      this.cookie = value === 'plenum_refresh=' ? undefined : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async login(email: string, password = 'plenum'): Promise<void> {
    const res = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      email,
      password,
    });
    if (res.status !== 200)
      throw new Error(`Login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.token = res.body.accessToken;
  }
}

/**
 * Everything Redis holds under a key pattern, as one string: job data, return values, logs and
 * events of every queue, for tests that prove a secret is not kept there.
 */
export async function redisContents(pattern: string): Promise<string> {
  const redis = new Redis(REDIS_TEST_URL);
  const parts: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      for (const key of keys) {
        const type = await redis.type(key);
        let value: unknown;
        if (type === 'string') value = await redis.get(key);
        else if (type === 'hash') value = await redis.hgetall(key);
        else if (type === 'list') value = await redis.lrange(key, 0, -1);
        else if (type === 'set') value = await redis.smembers(key);
        else if (type === 'zset') value = await redis.zrange(key, 0, -1, 'WITHSCORES');
        else if (type === 'stream') value = await redis.xrange(key, '-', '+');
        parts.push(`${key} ${JSON.stringify(value)}`);
      }
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return parts.join('\n');
}
