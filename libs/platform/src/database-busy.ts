import { PlenumError } from './plenum-error';

/** How long a client should wait before trying again when the database is saturated. */
export const DATABASE_BUSY_RETRY_MS = 2000;

/** What node-postgres says when no connection comes free, or none can be opened, in time. */
const poolMessages = [
  // pg-pool: every pooled connection stayed busy for `connectionTimeoutMillis`.
  'timeout exceeded when trying to connect',
  // pg: opening a new connection took longer than `connectionTimeoutMillis`.
  'Connection terminated due to connection timeout',
];

/** PostgreSQL's answers for "not now" rather than "not this request". */
const busyCodes = new Set([
  '53300', // too_many_connections: the server's max_connections are all taken
  '57P03', // cannot_connect_now: the server is starting or shutting down
  '55P03', // lock_not_available: a lock wait reached lock_timeout
]);

function codeOf(err: object): unknown {
  const own = (err as { code?: unknown }).code;
  if (own !== undefined) return own;
  // TypeORM's QueryFailedError keeps the driver's error beside its own.
  const driver = (err as { driverError?: { code?: unknown } }).driverError;
  return driver?.code;
}

/**
 * True for an error that says the database is saturated, not that the request is wrong: the
 * connection pool had nothing free within its wait, PostgreSQL refused another connection, or
 * a lock wait timed out. Such a request can succeed a moment later, so it is answered 503 BUSY
 * with a retry hint instead of 500.
 */
export function isDatabaseBusy(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (poolMessages.includes(err.message)) return true;
  const code = codeOf(err);
  return typeof code === 'string' && busyCodes.has(code);
}

/** The answer for a request that met a saturated database. */
export function databaseBusy(): PlenumError {
  return new PlenumError('BUSY', 'The server is busy; try again in a moment', 503, {
    retryAfterMs: DATABASE_BUSY_RETRY_MS,
  });
}
