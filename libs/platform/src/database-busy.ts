import { PlenumError } from './plenum-error';

/** How long a client should wait before trying again when the database is saturated. */
export const DATABASE_BUSY_RETRY_MS = 2000;
/** How long a client should wait before trying again when the database is away. */
export const DATABASE_UNAVAILABLE_RETRY_MS = 3000;

/** pg-pool: every pooled connection stayed busy for `connectionTimeoutMillis`. */
const poolMessages = ['timeout exceeded when trying to connect'];

/** PostgreSQL's answers for "not now" rather than "not this request". */
const busyCodes = new Set([
  '53300', // too_many_connections: the server's max_connections are all taken
  '55P03', // lock_not_available: a lock wait reached lock_timeout
  '57014', // query_canceled: the statement ran past statement_timeout
]);

/** What node-postgres and the socket say when the server cannot be reached or went away. */
const unavailableMessages = [
  // pg: opening a new connection took longer than `connectionTimeoutMillis`.
  'Connection terminated due to connection timeout',
  // pg: the socket closed under an open connection (a cut link, a killed server).
  'Connection terminated unexpectedly',
  // pg: no answer within the client's own `query_timeout`.
  'Query read timeout',
];

const unavailableCodes = new Set([
  // libs/db's DatabaseWatch: the probe went unanswered, so connections fail at once.
  'DATABASE_UNAVAILABLE',
  // The socket.
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting or stopping).
  '57P01',
  '57P02',
  '57P03',
]);

function codeOf(err: object): unknown {
  const own = (err as { code?: unknown }).code;
  if (own !== undefined) return own;
  // TypeORM's QueryFailedError keeps the driver's error beside its own.
  const driver = (err as { driverError?: { code?: unknown } }).driverError;
  return driver?.code;
}

/** The error and what it wraps: TypeORM's driver error, a cause, an AggregateError's errors. */
function* chain(err: unknown, depth = 0): Generator<Error> {
  if (!(err instanceof Error) || depth > 3) return;
  yield err;
  yield* chain((err as { driverError?: unknown }).driverError, depth + 1);
  yield* chain(err.cause, depth + 1);
  if (err instanceof AggregateError) {
    for (const inner of err.errors) yield* chain(inner, depth + 1);
  }
}

/**
 * True for an error that says the database is saturated, not that the request is wrong: the
 * connection pool had nothing free within its wait, PostgreSQL refused another connection, or
 * a lock wait or a statement timed out. Such a request can succeed a moment later, so it is
 * answered 503 BUSY with a retry hint instead of 500.
 */
export function isDatabaseBusy(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (poolMessages.includes(err.message)) return true;
  const code = codeOf(err);
  return typeof code === 'string' && busyCodes.has(code);
}

/**
 * True for an error that says PostgreSQL cannot be reached or went away: a refused or reset
 * connection, a connection that did not open or answer in time, the server shutting down or
 * starting, or the watch finding it stalled. Answered 503 SERVICE_UNAVAILABLE with a retry hint.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (unavailableMessages.includes(e.message)) return true;
    const code = codeOf(e);
    if (typeof code !== 'string') continue;
    // Class 08: connection_exception and its kinds.
    if (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

/** What ioredis says when Redis cannot be reached and a command gives up. */
const redisUnavailableMessages = [
  // The command waited through `maxRetriesPerRequest` reconnects.
  'Reached the max retries per request limit',
  // The connection closed with the command in flight, or was closed for good.
  'Connection is closed.',
  // No offline queue and no connection.
  "Stream isn't writeable and enableOfflineQueue options is false",
];

/**
 * True for an error that says Redis cannot be reached: ioredis gave up on a command after its
 * reconnect attempts, or the connection closed under it. Rate limits, presence, sign-in
 * sessions and queues live in Redis, so such a request can succeed once Redis is back.
 */
export function isRedisUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (e.name === 'MaxRetriesPerRequestError') return true;
    if (redisUnavailableMessages.some((m) => e.message.startsWith(m))) return true;
  }
  return false;
}

/** The answer for a request that met a saturated database. */
export function databaseBusy(): PlenumError {
  return new PlenumError('BUSY', 'The server is busy; try again in a moment', 503, {
    retryAfterMs: DATABASE_BUSY_RETRY_MS,
  });
}

/** The answer for a request that met a database that cannot be reached. */
export function databaseUnavailable(): PlenumError {
  return new PlenumError(
    'SERVICE_UNAVAILABLE',
    'A service Plenum needs cannot be reached right now; try again in a moment',
    503,
    { retryAfterMs: DATABASE_UNAVAILABLE_RETRY_MS },
  );
}

/**
 * The one place where a failure of PostgreSQL or Redis becomes an answer: the PlenumError for a
 * saturated or unreachable database or an unreachable Redis, or undefined for every other error
 * (a bug, answered 500).
 */
export function databaseTrouble(err: unknown): PlenumError | undefined {
  if (err instanceof PlenumError) return undefined;
  if (isDatabaseUnavailable(err) || isRedisUnavailable(err)) return databaseUnavailable();
  if (isDatabaseBusy(err)) return databaseBusy();
  return undefined;
}
