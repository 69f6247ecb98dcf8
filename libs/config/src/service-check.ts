import { Client } from 'pg';
import Redis from 'ioredis';
import type { PlenumConfig } from './config';

export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: 'PostgreSQL' | 'Redis',
    readonly address: string,
    override readonly cause: unknown,
    readonly hint: string,
  ) {
    super(
      `Plenum cannot start: ${service} is not reachable at ${address} ` +
        `(${describe(cause)}).\n${hint}`,
    );
    this.name = 'ServiceUnavailableError';
  }

  /** host:port, for a log line. */
  get endpoint(): string {
    try {
      const u = new URL(this.address);
      return `${u.hostname}:${u.port || (this.service === 'Redis' ? '6379' : '5432')}`;
    } catch {
      return this.address;
    }
  }

  /**
   * A refused, reset or slow connection, or a server starting up, may go away by itself; a
   * wrong password or user does not, and waiting would only hide it.
   */
  get worthWaiting(): boolean {
    const cause = this.cause as { code?: unknown; message?: unknown } | undefined;
    const code = typeof cause?.code === 'string' ? cause.code : '';
    const message = typeof cause?.message === 'string' ? cause.message : '';
    if (this.service === 'PostgreSQL') return !/^(28|3D)/.test(code);
    return !/^(WRONGPASS|NOAUTH|ERR AUTH)/.test(message);
  }
}

function describe(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors[0] instanceof Error) {
    return cause.errors[0].message;
  }
  return cause instanceof Error ? cause.message || String(cause) : String(cause);
}

/** Strips credentials so an address can be printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

const POSTGRES_HINT =
  'Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), ' +
  'or point DATABASE_URL at a running server, or use docker/compose.yaml.';
const REDIS_HINT =
  'Start it (redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no), ' +
  'or point REDIS_URL at a running server, or use docker/compose.yaml.';

/**
 * Creates the database named in DATABASE_URL when the server has none of that name, so a bare
 * start on a fresh machine works. Connects to the server's `postgres` database for that.
 */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new ServiceUnavailableError(
      'PostgreSQL',
      redactUrl(admin.toString()),
      err,
      POSTGRES_HINT,
    );
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (err) {
      // Another process may have created it in between (api and seed starting together).
      if ((err as { code?: string }).code !== '42P04') throw err;
      return false;
    }
    return true;
  } finally {
    await client.end();
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new ServiceUnavailableError('Redis', redactUrl(redisUrl), err, REDIS_HINT);
  } finally {
    redis.disconnect();
  }
}

export type WaitedService = 'postgres' | 'redis';

export interface WaitOptions {
  /** Writes a line about the wait (plain text: the logger is not up yet). */
  log: (line: string) => void;
  /** Told which services do not answer, after each round that found one down. */
  onDown?: (down: WaitedService[]) => void;
  /** Runs once both answer (migrations); failing with `isUnavailable`, it is tried again. */
  then?: () => Promise<void>;
  isUnavailable?: (err: unknown) => boolean;
  /** First pause between two rounds; it doubles up to `maxDelayMs`. */
  delayMs?: number;
  maxDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for PostgreSQL and Redis: checks both (creating the database if it is missing), and
 * while either does not answer says so and tries again, 1 s doubling to 10 s apart. Throws a
 * `ServiceUnavailableError` that waiting cannot cure (a wrong password) at once.
 */
export async function waitForServices(config: PlenumConfig, options: WaitOptions): Promise<void> {
  let delay = options.delayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const told = new Set<string>();
  for (;;) {
    const failures: ServiceUnavailableError[] = [];
    const note = (err: unknown) => {
      if (!(err instanceof ServiceUnavailableError) || !err.worthWaiting) throw err;
      failures.push(err);
    };
    await ensureDatabase(config.databaseUrl).catch(note);
    await checkRedis(config.redisUrl).catch(note);
    if (failures.length === 0) {
      try {
        await options.then?.();
        if (told.size > 0) options.log('PostgreSQL and Redis answer; starting.');
        return;
      } catch (err) {
        if (!options.isUnavailable?.(err)) throw err;
        failures.push(
          new ServiceUnavailableError('PostgreSQL', redactUrl(config.databaseUrl), err, ''),
        );
      }
    }
    options.onDown?.(failures.map((f) => (f.service === 'PostgreSQL' ? 'postgres' : 'redis')));
    for (const failure of failures) {
      const first = !told.has(failure.service);
      told.add(failure.service);
      options.log(
        `${failure.service} at ${failure.endpoint} is not reachable (${describe(failure.cause)}); ` +
          `retrying in ${Math.round(delay / 100) / 10} s` +
          (first && failure.hint ? `. ${failure.hint}` : ''),
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, maxDelay);
  }
}

/** Checks both services before any module starts, so the failure is one clear message. */
export async function preflight(config: PlenumConfig): Promise<{ createdDatabase: boolean }> {
  const createdDatabase = await ensureDatabase(config.databaseUrl);
  await checkRedis(config.redisUrl);
  return { createdDatabase };
}
