import { Client } from 'pg';
import Redis from 'ioredis';
import type { PlenumConfig } from './config';

export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: 'PostgreSQL' | 'Redis',
    readonly address: string,
    override readonly cause: unknown,
    hint: string,
  ) {
    super(
      `Plenum cannot start: ${service} is not reachable at ${address} ` +
        `(${cause instanceof Error ? cause.message : String(cause)}).\n${hint}`,
    );
    this.name = 'ServiceUnavailableError';
  }
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

/** Checks both services before any module starts, so the failure is one clear message. */
export async function preflight(config: PlenumConfig): Promise<{ createdDatabase: boolean }> {
  const createdDatabase = await ensureDatabase(config.databaseUrl);
  await checkRedis(config.redisUrl);
  return { createdDatabase };
}
