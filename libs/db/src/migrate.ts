import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Runs pending migrations in their own short-lived connection; returns their names. A migration
 * may rewrite a big table, so its statements have no time limit.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const source = new DataSource(
    dataSourceOptions(databaseUrl, { extra: { max: 1, connectionTimeoutMillis: 5000 } }),
  );
  await source.initialize();
  try {
    const applied = await source.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await source.destroy();
  }
}
