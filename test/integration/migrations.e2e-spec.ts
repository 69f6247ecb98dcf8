import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { databaseUrl, dropDatabase, uniqueName, withAdmin } from '../support/databases';

const root = join(__dirname, '../..');

function migrationScript(
  args: string[],
  database: string,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(root, 'scripts/migration.mjs'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl(database) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('migrations', () => {
  const name = uniqueName('plenum_migrations');

  beforeAll(() => withAdmin((c) => c.query(`CREATE DATABASE "${name}"`)));
  afterAll(() => dropDatabase(name));

  it('`npm run migration:run` applies every migration to an empty database', () => {
    const { status, output } = migrationScript(['run'], name);
    expect(output).toMatch(/has been executed successfully/);
    expect(status).toBe(0);
  });

  it('the committed migrations match the entities: generating finds nothing to do', () => {
    const { status, output } = migrationScript(['generate', 'Drift'], name);
    expect(output).toContain('No changes in database schema were found');
    expect(status).not.toBe(0);
  });

  it('refuses a migration name that is not a plain identifier', () => {
    const { status, output } = migrationScript(['generate', '../evil'], name);
    expect(status).toBe(2);
    expect(output).toContain('Usage: npm run migration:generate');
  });
});
