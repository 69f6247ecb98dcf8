import { Module } from '@nestjs/common';
import type {
  DynamicModule,
  ForwardReference,
  INestApplicationContext,
  Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { DbModule } from '@plenum/db';
import { EventsModule } from '@plenum/events';
import { MetricsModule } from '@plenum/metrics';
import { PlatformModule, RedisModule, bullConnection } from '@plenum/platform';
import { ProgrammeModule } from '@plenum/programme';
import {
  REDIS_TEST_URL,
  createSuiteDatabase,
  databaseUrl,
  deleteRedisKeys,
  dropDatabase,
} from './databases';

type Import = Type | DynamicModule | ForwardReference;

export interface Medium {
  app: INestApplicationContext;
  config: PlenumConfig;
  dataSource: DataSource;
  databaseName: string;
  /** A provider of the booted modules: a service, a repository, a token. */
  get<T>(token: Type<T> | string | symbol): T;
  close(): Promise<void>;
}

@Module({})
class MediumModule {}

/**
 * Boots only the given domain modules (plus the plumbing every one needs, and the events and
 * programme modules the factories build with) as a Nest application context: no HTTP listener,
 * no socket server, no demo congress. Against the machine's real PostgreSQL (a database of the
 * suite's own, cloned from the run's migrated template) and Redis (a key prefix of its own).
 */
export async function startMedium(
  imports: Import[] = [],
  options: { env?: Record<string, string> } = {},
): Promise<Medium> {
  const databaseName = await createSuiteDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: REDIS_TEST_URL,
    REDIS_PREFIX: `plenum-test:${databaseName}`,
    LOG_LEVEL: 'silent',
    // The stall watch's 1 s default suits production; on a CI machine running suites side by
    // side a `SELECT 1` may queue that long without any fault. The fault suite keeps the default.
    DATABASE_PROBE_TIMEOUT_MS: '3000',
    // Likewise a pooled connection may take more than the production 2 s to come free while
    // other suites run; a suite that proves the 503 BUSY answer holds the whole pool.
    DATABASE_POOL_TIMEOUT_MS: '5000',
    DEMO_SEED: 'off',
    ...options.env,
  });
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(
      {
        module: MediumModule,
        imports: [
          ConfigModule.forRoot(config),
          DbModule.forRoot(),
          RedisModule,
          PlatformModule,
          BullModule.forRoot(bullConnection(config)),
          MetricsModule.forRoot(config, 'api'),
          EventsModule,
          ProgrammeModule,
          ...imports,
        ],
      },
      { logger: config.logLevel === 'silent' ? false : ['error', 'warn'] },
    );
  } catch (err) {
    await dropDatabase(databaseName);
    throw err;
  }
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    databaseName,
    get: (token) => app.get(token, { strict: false }),
    async close() {
      await app.close();
      await dropDatabase(databaseName);
      await deleteRedisKeys(`${config.redisPrefix}:*`);
    },
  };
}

/**
 * `startMedium` for a whole file: boots in `beforeAll`, closes in `afterAll`, and hands back
 * the suite's medium (read it inside tests and hooks, not at the top level).
 */
export function useMedium(
  imports: Import[] = [],
  options: { env?: Record<string, string> } = {},
): Medium {
  let medium: Medium | undefined;
  beforeAll(async () => {
    medium = await startMedium(imports, options);
  });
  afterAll(() => medium?.close());
  const booted = (): Medium => {
    if (!medium) throw new Error('The medium suite is not booted yet: use it inside tests');
    return medium;
  };
  return {
    get app() {
      return booted().app;
    },
    get config() {
      return booted().config;
    },
    get dataSource() {
      return booted().dataSource;
    },
    get databaseName() {
      return booted().databaseName;
    },
    get: (token) => booted().get(token),
    close: () => booted().close(),
  };
}
