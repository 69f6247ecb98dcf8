import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { Logger } from 'typeorm';
import { dataSourceOptions } from '@plenum/db';
import { SQL_MANAGER, sqlExamplesOf } from '@plenum/platform';
import { createSuiteDatabase, databaseUrl, dropDatabase } from '../support/databases';

const root = join(__dirname, '../..');
const outDir = join(root, 'docs/sql');
const write = process.env.SQL_WRITE === '1';

type RepositoryClass = (abstract new (...args: never[]) => unknown) & { name: string };

/** Every `libs/<lib>/src/*.repository.ts`, with the repository classes it exports. */
function repositoryFiles(): Array<{ file: string; classes: RepositoryClass[] }> {
  const found: Array<{ file: string; classes: RepositoryClass[] }> = [];
  for (const lib of readdirSync(join(root, 'libs'))) {
    const dir = join(root, 'libs', lib, 'src');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith('.repository.ts'))
      .sort()) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const exports = require(join(dir, name)) as Record<string, unknown>;
      const classes = Object.values(exports).filter(
        (v): v is RepositoryClass => typeof v === 'function' && /Repository$/.test(v.name),
      );
      found.push({ file: name.replace(/\.ts$/, '.sql'), classes });
    }
  }
  return found;
}

/** Methods of the class itself that are not marked: their SQL would go unlisted. */
function unmarked(repository: RepositoryClass): string[] {
  const marked = new Set(sqlExamplesOf(repository).map((m) => m.method));
  return Object.getOwnPropertyNames(repository.prototype).filter(
    (name) =>
      name !== 'constructor' &&
      name !== 'transaction' &&
      typeof Object.getOwnPropertyDescriptor(repository.prototype, name)?.value === 'function' &&
      !marked.has(name),
  );
}

class Recorder implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query)) return;
    this.statements.push(
      query
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .trim(),
    );
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

class Rollback extends Error {}

/**
 * The reviewed list of every SQL statement per repository (docs/sql), kept current: a changed
 * query fails here until `SQL_WRITE=1 npx jest test/medium/sql-statements` rewrites the list.
 */
describe('SQL statements of the repositories', () => {
  let name: string;
  let dataSource: DataSource;
  const recorder = new Recorder();

  beforeAll(async () => {
    name = await createSuiteDatabase();
    dataSource = new DataSource(
      dataSourceOptions(databaseUrl(name), { logging: ['query'], logger: recorder }),
    );
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(name);
  });

  async function statementsOf(repository: RepositoryClass): Promise<string> {
    const Repo = repository as unknown as new (db: DataSource) => Record<string, unknown>;
    const instance = new Repo(dataSource);
    const parts: string[] = [];
    for (const { method, examples } of sqlExamplesOf(repository)) {
      for (const example of examples) {
        recorder.statements = [];
        // Each example runs in a transaction that is rolled back, and may fail (its ids name
        // no rows): only the statements it sends matter.
        await dataSource
          .transaction(async (manager) => {
            const args = (example.params ?? []).map((p) => (p === SQL_MANAGER ? manager : p));
            const fn = instance[method] as (...a: unknown[]) => Promise<unknown>;
            await fn.apply(instance, args).catch(() => undefined);
            throw new Rollback();
          })
          .catch((err: unknown) => {
            if (!(err instanceof Rollback)) throw err;
          });
        const label = `${repository.name}.${method}${example.name ? ` (${example.name})` : ''}`;
        parts.push(
          `-- ${label}\n${recorder.statements.map((s) => `${s};`).join('\n') || '-- (no SQL)'}`,
        );
      }
    }
    return parts.join('\n\n');
  }

  const files = repositoryFiles();

  it('finds the repositories, and every method of each is listed', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { file, classes } of files) {
      expect({ file, repositories: classes.length > 0 }).toEqual({ file, repositories: true });
      for (const repository of classes) {
        expect({ repository: repository.name, unmarked: unmarked(repository) }).toEqual({
          repository: repository.name,
          unmarked: [],
        });
      }
    }
  });

  it.each(files.map((f) => [f.file, f.classes] as const))(
    'docs/sql/%s lists the statements as they are',
    async (file, classes) => {
      const sections: string[] = [];
      for (const repository of classes) sections.push(await statementsOf(repository));
      const text = `${sections.join('\n\n')}\n`;
      const path = join(outDir, file);
      if (write) writeFileSync(path, text);
      const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
      expect(text).toEqual(committed);
    },
  );
});
