import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { defaultDatabaseLimits } from './database-watch';
import type { DatabaseLimits, DatabaseWatch } from './database-watch';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/**
 * The one factory for TypeORM options: the app, the CLI and the tests all use it. `limits`
 * bound how long a statement and a wait for a connection may take; `watch` (the app's) fails
 * queries at once while PostgreSQL does not answer.
 */
export function dataSourceOptions(
  databaseUrl: string,
  extra: Partial<DataSourceOptions> = {},
  limits: DatabaseLimits = defaultDatabaseLimits,
  watch?: DatabaseWatch,
): DataSourceOptions {
  const statementTimeout = limits.statementTimeoutMs > 0 ? limits.statementTimeoutMs : undefined;
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: 20,
      // pg-pool: how long a request waits for a free connection, and how long opening one may
      // take. Past it the request answers 503 (BUSY or SERVICE_UNAVAILABLE) instead of hanging.
      connectionTimeoutMillis: limits.poolTimeoutMs,
      // Sent at connect: PostgreSQL cancels a statement that runs longer.
      statement_timeout: statementTimeout,
      // The client's own limit, for a server that stopped answering altogether: a little past
      // the server's, so a statement it cancels is reported as that.
      query_timeout: statementTimeout === undefined ? undefined : statementTimeout + 5000,
      ...(watch ? { Client: watch.clientClass() } : {}),
    },
    ...extra,
  } as DataSourceOptions;
}
