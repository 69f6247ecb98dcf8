import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * Closes the app on SIGTERM or SIGINT (Ctrl-C): Nest runs its shutdown hooks, so the HTTP server
 * stops accepting, open requests and active jobs finish, and connections close; then the process
 * exits 0. A second signal, or 25 s without finishing, ends it at once.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  name: string,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn?.(`${name}: second ${signal}, exiting now`);
      process.exit(1);
    }
    closing = true;
    logger.log(`${name}: ${signal} received, shutting down`);
    setTimeout(() => {
      logger.error(`${name}: shutdown took longer than 25 s, exiting`);
      process.exit(1);
    }, 25_000).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err, process: name }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
