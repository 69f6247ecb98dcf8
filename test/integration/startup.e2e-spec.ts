import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ServiceUnavailableError, checkRedis, ensureDatabase } from '@plenum/config';
import { databaseUrl, dropDatabase, uniqueName, withAdmin } from '../support/databases';

const root = join(__dirname, '../..');
const apiMain = join(root, 'dist/apps/api/src/main.js');

function runApi(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [apiMain], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
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

  const built = existsSync(apiMain) ? it : it.skip;

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
      const port = String(20_000 + Math.floor(Math.random() * 20_000));
      const child = spawn(process.execPath, [apiMain], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: databaseUrl(name),
          REDIS_PREFIX: `plenum-test:${name}`,
          PORT: port,
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
        },
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      try {
        let healthy = false;
        for (let i = 0; i < 120 && !healthy; i++) {
          await new Promise((r) => setTimeout(r, 500));
          healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
            (r) => r.ok,
            () => false,
          );
        }
        expect(healthy).toBe(true);
        expect(output).toContain('attendee@plenum.test');
        expect(output).toContain('attendee001@plenum.test … attendee400@plenum.test');
        const event = await fetch(`http://127.0.0.1:${port}/api/events/digitale-staedte`);
        expect(event.status).toBe(200);
        const exited = new Promise<number | null>((resolve) =>
          child.on('exit', (code) => resolve(code)),
        );
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
        await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
    },
  );
});
