import { existsSync } from 'node:fs';
import { Client } from 'pg';
import { ServiceUnavailableError, checkRedis, ensureDatabase } from '@plenum/config';
import { databaseUrl, dropDatabase, uniqueName, withAdmin } from '../support/databases';
import { builtApi, isHealthy, randomPort, runNode, waitFor } from '../support/processes';

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

  built('stops the api with one clear message when PostgreSQL is unreachable', async () => {
    const { code, output } = await runApi({
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5499/plenum',
    });
    expect(code).toBe(1);
    expect(output).toMatch(
      /PostgreSQL is not reachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5499\/postgres/,
    );
    expect(output).toMatch(/pg_ctlcluster/);
    expect(output).not.toContain('secret');
  });

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
