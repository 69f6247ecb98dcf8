import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@plenum/db';
import { DEMO_PASSWORD, seedDemoCongress } from '@plenum/demo';
import { LocalDiskStorage } from '@plenum/platform';
import { prepare } from './startup';

/** `npm run seed:demo`: loads the reference congress; a second run changes nothing. */
async function seed(): Promise<void> {
  const config = await prepare();
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    const result = await seedDemoCongress(
      dataSource,
      new Date(),
      new LocalDiskStorage(config.storageDir),
    );
    process.stdout.write(
      result.created
        ? `Demo congress loaded at ${config.publicUrl}/e/${result.eventSlug}\n` +
            `Accounts (password "${DEMO_PASSWORD}"):\n${result.accounts.map((a) => `  ${a}`).join('\n')}\n`
        : `The demo congress "${result.eventSlug}" is already loaded; nothing changed.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

seed().catch((err: unknown) => {
  process.stderr.write(
    `Seeding failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
