import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { ConfigError, ServiceUnavailableError, loadConfig, waitForServices } from '@plenum/config';
import type { PlenumConfig, WaitedService } from '@plenum/config';
import type { Health } from '@plenum/contracts';
import { runMigrations } from '@plenum/db';
import { isDatabaseUnavailable } from '@plenum/platform';

/**
 * Everything that must hold before Nest starts: a valid environment, reachable services, the
 * database created and migrated. While PostgreSQL or Redis does not answer it waits, says so
 * and tries again. With `serveWhileWaiting` the api's port answers from now until
 * `releasePort()` (just before the api listens): `/api/health` 503 naming what is down (or
 * `starting: true` with nothing down), everything else 503 with Retry-After, so a load balancer
 * or supervisor sees a starting api, not a dead one. A bad environment or a wrong password ends
 * the process with one clear message.
 */
export async function prepare(
  options: { serveWhileWaiting?: boolean } = {},
): Promise<PlenumConfig> {
  let config: PlenumConfig;
  try {
    config = loadConfig();
    const ready = config;
    if (options.serveWhileWaiting) waiting = new WaitingResponder(config);
    await waitForServices(config, {
      log: (line) => process.stderr.write(`${line}\n`),
      onDown: (down) => {
        if (waiting) waiting.down = down;
      },
      then: async () => {
        await runMigrations(ready.databaseUrl);
      },
      isUnavailable: isDatabaseUnavailable,
    });
    if (waiting) waiting.down = [];
  } catch (err) {
    await releasePort();
    if (err instanceof ConfigError || err instanceof ServiceUnavailableError) {
      process.stderr.write(`\n${err.message}\n\n`);
      process.exit(1);
    }
    throw err;
  }
  return config;
}

let waiting: WaitingResponder | undefined;

/** Frees the api's port for the api itself (see `prepare`). */
export async function releasePort(): Promise<void> {
  const responder = waiting;
  waiting = undefined;
  await responder?.close();
}

/** The api's port while it waits for its services: nothing works yet, and it says why. */
class WaitingResponder {
  down: WaitedService[] = [];
  private readonly server: Server;

  constructor(config: PlenumConfig) {
    this.server = createServer((request, response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Retry-After', '5');
      response.statusCode = 503;
      if (request.url?.split('?')[0] === '/api/health') {
        const check = (name: WaitedService) =>
          this.down.includes(name) ? { ok: false, error: 'not reachable' } : { ok: true };
        const body: Health = {
          status: 'unavailable',
          down: this.down,
          starting: true,
          checks: { postgres: check('postgres'), redis: check('redis') },
        };
        response.end(JSON.stringify(body));
        return;
      }
      response.end(
        JSON.stringify({
          code: 'SERVICE_UNAVAILABLE',
          message: this.down.length
            ? `Plenum is starting: waiting for ${this.down.join(' and ')}`
            : 'Plenum is starting',
          retryAfterMs: 5000,
        }),
      );
    });
    // Taken by someone else: the real listen reports it once the services answer.
    this.server.on('error', () => undefined);
    this.server.listen(config.port, config.host);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
