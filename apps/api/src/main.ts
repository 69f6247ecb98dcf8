import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { closeOnSignals, installProcessPolicy } from '@plenum/platform';
import { DEMO_PASSWORD, isEmptyInstallation, seedDemoCongress } from '@plenum/demo';
import { FileStorage } from '@plenum/platform';
import { createApi } from './bootstrap';
import { prepare, releasePort } from './startup';

async function main(): Promise<void> {
  // Before anything can reject: Nest's Logger writes through the app's pino logger once it is set.
  installProcessPolicy({ name: 'api', logger: new Logger('Process') });
  const config = await prepare({ serveWhileWaiting: true });
  const app = await createApi(config);
  const logger = new Logger('Plenum');
  if (config.usesDevelopmentSecret) {
    logger.warn('AUTH_SECRET is not set: using the development secret. Set it before going live.');
  }

  if (config.demoSeed === 'auto') {
    const dataSource = app.get(DataSource);
    if (await isEmptyInstallation(dataSource)) {
      const result = await seedDemoCongress(dataSource, new Date(), app.get(FileStorage));
      if (result.created) {
        logger.log(`Demo congress loaded: ${config.publicUrl}/e/${result.eventSlug}`);
        printDemoAccounts(result.accounts);
      }
    }
  }

  closeOnSignals(app, logger, 'api');
  await releasePort();
  await app.listen({ port: config.port, host: config.host });
  logger.log(`Plenum is running at ${config.publicUrl} (API docs: ${config.publicUrl}/api/docs)`);
}

function printDemoAccounts(accounts: string[]): void {
  // Printed plainly, not as a log line, so a newcomer sees it in the terminal.
  process.stdout.write(
    `\nDemo accounts (password "${DEMO_PASSWORD}", demo only):\n${accounts.map((a) => `  ${a}`).join('\n')}\n\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Plenum failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
