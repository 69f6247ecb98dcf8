import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming-strategy';

/** The one factory for TypeORM options: the app, the CLI and the tests all use it. */
export function dataSourceOptions(
  databaseUrl: string,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
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
    extra: { max: 20, connectionTimeoutMillis: 5000 },
    ...extra,
  } as DataSourceOptions;
}
