import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { ServiceUnavailableError, checkRedis, ensureDatabase } from '@plenum/config';
import {
  createSuiteDatabase,
  databaseUrl,
  dropDatabase,
  uniqueName,
  withAdmin,
} from '../support/databases';
import {
  builtApi,
  builtWorker,
  isHealthy,
  randomPort,
  runNode,
  waitFor,
} from '../support/processes';
import { TcpProxy } from '../support/tcp-proxy';
import { deleteRedisKeys } from '../support/test-app';

async function health(port: string): Promise<{ status: number; body: { down?: string[] } }> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    return { status: res.status, body: (await res.json()) as { down?: string[] } };
  } catch {
    return { status: 0, body: {} };
  }
}

async function runApi(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const run = runNode(builtApi, { LOG_LEVEL: 'warn', ...env });
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}

describe('start-up checks', () => {
  it('creates a missing database', async () => {
    const name = uniqueName('plenum_created');
    try {
      expect(await ensureDatabase(databaseUrl(name))).toBe(true);
      expect(await ensureDatabase(databaseUrl(name))).toBe(false);
      const client = new Client({ connectionString: databaseUrl(name) });
      await client.connect();
      await client.end();
    } finally {
      await dropDatabase(name);
    }
  });

  it('names the service, the address and the fix when Redis is unreachable', async () => {
    const error = await checkRedis('redis://127.0.0.1:6390').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as Error).message).toMatch(
      /Redis is not reachable at redis:\/\/127\.0\.0\.1:6390/,
    );
    expect((error as Error).message).toMatch(/redis-server --daemonize yes/);
  });

  const built = existsSync(builtApi) ? it : it.skip;

  built('stops the api with one clear message when the PostgreSQL password is wrong', async () => {
    const { code, output } = await runApi({
      DATABASE_URL: 'postgres://nobody-here:secret@127.0.0.1:5432/plenum',
    });
    expect(code).toBe(1);
    expect(output).toMatch(
      /PostgreSQL is not reachable at postgres:\/\/nobody-here:\*\*\*@127\.0\.0\.1:5432\/postgres/,
    );
    expect(output).not.toContain('secret');
  });

  built(
    'waits for PostgreSQL and Redis, answering health 503 naming them, and starts when they are back',
    async () => {
      // Migrated already, so the worker, which waits too, need not wait for the api's migrations.
      const name = await createSuiteDatabase();
      const port = randomPort();
      const postgres = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
      const redis = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
      postgres.cut();
      redis.cut();
      const env = {
        DATABASE_URL: databaseUrl(name).replace(':5432/', `:${postgres.port}/`),
        REDIS_URL: `redis://127.0.0.1:${redis.port}`,
        REDIS_PREFIX: `plenum-test:${name}`,
        PORT: port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DEMO_SEED: 'off',
      };
      const api = runNode(builtApi, env);
      const worker = runNode(builtWorker, { ...env, LOG_LEVEL: 'info' });
      try {
        const waiting = new RegExp(
          `PostgreSQL at 127\\.0\\.0\\.1:${postgres.port} is not reachable .*; retrying in \\d+(\\.\\d)? s`,
        );
        expect(await waitFor(() => waiting.test(api.output()))).toBe(true);
        expect(api.output()).toMatch(
          new RegExp(`Redis at 127\\.0\\.0\\.1:${redis.port} is not reachable`),
        );
        expect(await waitFor(() => waiting.test(worker.output()))).toBe(true);
        expect(await waitFor(async () => (await health(port)).status === 503)).toBe(true);
        expect((await health(port)).body).toMatchObject({
          status: 'unavailable',
          down: ['postgres', 'redis'],
        });
        const other = await fetch(`http://127.0.0.1:${port}/api/events`);
        expect(other.status).toBe(503);
        expect(other.headers.get('retry-after')).toBe('5');

        redis.restore();
        expect(
          await waitFor(async () => {
            const h = await health(port);
            return JSON.stringify(h.body.down) === '["postgres"]';
          }),
        ).toBe(true);
        postgres.restore();
        expect(await waitFor(async () => (await health(port)).status === 200)).toBe(true);
        expect((await health(port)).body).toMatchObject({ status: 'ok', down: [] });
        expect(
          await waitFor(() => worker.output().includes('Plenum worker is processing jobs')),
        ).toBe(true);
        expect(api.child.exitCode).toBeNull();
        api.child.kill('SIGTERM');
        worker.child.kill('SIGTERM');
        expect(await api.exited).toBe(0);
        expect(await worker.exited).toBe(0);
      } finally {
        api.child.kill('SIGKILL');
        worker.child.kill('SIGKILL');
        await postgres.close();
        await redis.close();
        await dropDatabase(name);
        await deleteRedisKeys(`plenum-test:${name}:*`);
      }
    },
  );

  built('stops the api listing every bad variable', async () => {
    const { code, output } = await runApi({ PORT: 'x', REDIS_URL: 'http://nope' });
    expect(code).toBe(1);
    expect(output).toMatch(/PORT: /);
    expect(output).toMatch(/REDIS_URL: /);
  });

  built(
    'creates, migrates and seeds an empty database on the first start, then shuts down on SIGTERM',
    async () => {
      const name = uniqueName('plenum_firststart');
      const port = randomPort();
      const api = runNode(builtApi, {
        DATABASE_URL: databaseUrl(name),
        REDIS_PREFIX: `plenum-test:${name}`,
        PORT: port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      });
      try {
        const healthy = await waitFor(() => isHealthy(port));
        expect(healthy).toBe(true);
        expect(api.output()).toContain('attendee@plenum.test');
        expect(api.output()).toContain('attendee001@plenum.test … attendee400@plenum.test');
        const event = await fetch(`http://127.0.0.1:${port}/api/events/digitale-staedte`);
        expect(event.status).toBe(200);
        api.child.kill('SIGTERM');
        expect(await api.exited).toBe(0);
      } finally {
        api.child.kill('SIGKILL');
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
  );
});
