import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Runs pending migrations in their own short-lived connection; returns their names. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const source = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 1 } }));
  await source.initialize();
  try {
    const applied = await source.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await source.destroy();
  }
}
