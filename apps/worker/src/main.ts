import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, ServiceUnavailableError, loadConfig, waitForServices } from '@plenum/config';
import { closeOnSignals, installProcessPolicy } from '@plenum/platform';
import { WorkerModule } from './worker.module';

/**
 * The worker: a Nest application context (no HTTP) running the BullMQ processors. The api owns
 * migrations; the worker only needs the services to answer, and waits for them.
 */
async function main(): Promise<void> {
  // Before anything can reject: Nest's Logger writes through the app's pino logger once it is set.
  installProcessPolicy({ name: 'worker', logger: new NestLogger('Process') });
  let config;
  try {
    config = loadConfig();
    // While PostgreSQL or Redis does not answer, it says so and tries again.
    await waitForServices(config, { log: (line) => process.stderr.write(`${line}\n`) });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ServiceUnavailableError) {
      process.stderr.write(`\n${err.message}\n\n`);
      process.exit(1);
    }
    throw err;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Closing the context closes the BullMQ workers, which let active jobs finish first.
  // Through Nest's Logger (like the api): it adds the context, so `logger.error({ err }, 'message')`
  // keeps its message; nestjs-pino's Logger called directly would take the message for the context.
  const logger = new NestLogger('Worker');
  closeOnSignals(app, logger, 'worker');
  logger.log('Plenum worker is processing jobs');
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Plenum worker failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
