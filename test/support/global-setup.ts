// Global setup runs outside jest's module mapper, so it imports by path.
import { runMigrations } from '../../libs/db/src/migrate';
import { randomBytes } from 'node:crypto';
import { databaseUrl, withAdmin } from './databases';

/** Creates and migrates one template database per run; each suite clones it. */
export default async function globalSetup(): Promise<void> {
  const run = `${process.pid}_${randomBytes(3).toString('hex')}`;
  process.env.PLENUM_TEST_RUN = run;
  const name = `plenum_tpl_${run}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  await runMigrations(databaseUrl(name));
  process.env.PLENUM_TEST_TEMPLATE_DB = name;
}
