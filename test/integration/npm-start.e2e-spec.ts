import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { databaseUrl, dropDatabase, uniqueName } from '../support/databases';
import { builtApi, isHealthy, randomPort, repoRoot, runNode, waitFor } from '../support/processes';
import { deleteRedisKeys } from '../support/test-app';

const built =
  existsSync(builtApi) && existsSync(join(repoRoot, 'dist/web/index.html')) ? it : it.skip;

describe('npm start', () => {
  built('runs the api and the worker together and stops both on SIGTERM', async () => {
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
      expect(await waitFor(() => start.output().includes('Plenum worker is processing jobs'))).toBe(
        true,
      );
      expect(await isHealthy(port)).toBe(true);
      start.child.kill('SIGTERM');
      expect(await start.exited).toBe(0);
      expect(start.output()).toContain('api: SIGTERM received, shutting down');
      expect(start.output()).toContain('worker: SIGTERM received, shutting down');
    } finally {
      start.child.kill('SIGKILL');
      await dropDatabase(name);
      await deleteRedisKeys(`plenum-test:${name}:*`);
    }
  });
});
