import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, dropDatabase, uniqueName } from '../support/databases';
import { deleteRedisKeys } from '../support/test-app';

const root = join(__dirname, '../..');
const built =
  existsSync(join(root, 'dist/apps/api/src/main.js')) &&
  existsSync(join(root, 'dist/web/index.html'))
    ? it
    : it.skip;

describe('npm start', () => {
  built('runs the api and the worker together and stops both on SIGTERM', async () => {
    const name = uniqueName('plenum_npmstart');
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: databaseUrl(name),
        REDIS_PREFIX: `plenum-test:${name}`,
        PORT: port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DEMO_SEED: 'off',
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      for (let i = 0; i < 240 && !output.includes('Plenum worker is processing jobs'); i++) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(output).toContain('Plenum worker is processing jobs');
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('api: SIGTERM received, shutting down');
      expect(output).toContain('worker: SIGTERM received, shutting down');
    } finally {
      child.kill('SIGKILL');
      await dropDatabase(name);
      await deleteRedisKeys(`plenum-test:${name}:*`);
    }
  });
});
