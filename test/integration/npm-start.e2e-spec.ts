import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, dropDatabase, uniqueName } from '../support/databases';
import { builtApi, isHealthy, randomPort, repoRoot, runNode, waitFor } from '../support/processes';
import { deleteRedisKeys } from '../support/test-app';

/** The pid the supervisor printed last for a process it started. */
function pidOf(output: string, name: string): number {
  const pids = [...output.matchAll(new RegExp(`^${name} started \\(pid (\\d+)\\)$`, 'gm'))];
  return Number(pids.at(-1)?.[1] ?? NaN);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const built =
  existsSync(builtApi) && existsSync(join(repoRoot, 'dist/web/index.html')) ? it : it.skip;

jest.setTimeout(240_000);

describe('npm start', () => {
  built(
    'runs the api and the worker, restarts either when it dies while the other runs on, and stops both on SIGTERM',
    async () => {
      const name = uniqueName('plenum_npmstart');
      const port = randomPort();
      const start = runNode(join(repoRoot, 'scripts/start.mjs'), {
        DATABASE_URL: databaseUrl(name),
        REDIS_PREFIX: `plenum-test:${name}`,
        PORT: port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DEMO_SEED: 'off',
      });
      try {
        // npm start first builds what is stale (after a merge, the web app), then starts both.
        expect(
          await waitFor(() => start.output().includes('Plenum worker is processing jobs'), 150_000),
        ).toBe(true);
        expect(await isHealthy(port)).toBe(true);
        const apiPid = pidOf(start.output(), 'api');
        const workerPid = pidOf(start.output(), 'worker');

        // A crashed api is started again; the worker runs on untouched.
        process.kill(apiPid, 'SIGKILL');
        expect(
          await waitFor(() =>
            start.output().includes('api exited (SIGKILL); restarting it in 1 s'),
          ),
        ).toBe(true);
        expect(await waitFor(() => pidOf(start.output(), 'api') !== apiPid)).toBe(true);
        expect(await waitFor(() => isHealthy(port))).toBe(true);
        expect(alive(workerPid)).toBe(true);
        expect(pidOf(start.output(), 'worker')).toBe(workerPid);
        expect(start.output()).not.toContain('worker: SIGTERM received');

        // And the other way round.
        process.kill(workerPid, 'SIGKILL');
        expect(await waitFor(() => pidOf(start.output(), 'worker') !== workerPid)).toBe(true);
        expect(await isHealthy(port)).toBe(true);
        expect(
          await waitFor(
            () => start.output().split('Plenum worker is processing jobs').length === 3,
          ),
        ).toBe(true);

        start.child.kill('SIGTERM');
        expect(await start.exited).toBe(0);
        expect(start.output()).toContain('api: SIGTERM received, shutting down');
        expect(start.output()).toContain('worker: SIGTERM received, shutting down');
      } finally {
        start.child.kill('SIGKILL');
        await dropDatabase(name);
        await deleteRedisKeys(`plenum-test:${name}:*`);
      }
    },
  );
});
