import { Global, Module } from '@nestjs/common';
import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { dataSourceOptions } from './data-source-options';
import { DatabaseWatch } from './database-watch';
import { entities } from './entities';

/** Provides the one `DatabaseWatch` of the process, started before the data source connects. */
@Global()
@Module({
  providers: [
    {
      provide: DatabaseWatch,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) => {
        const watch = new DatabaseWatch(config.databaseUrl, config.database);
        watch.start();
        return watch;
      },
    },
  ],
  exports: [DatabaseWatch],
})
export class DatabaseWatchModule implements OnApplicationShutdown {
  constructor(private readonly watch: DatabaseWatch) {}

  async onApplicationShutdown(): Promise<void> {
    await this.watch.stop();
  }
}

@Global()
@Module({})
export class DbModule {
  static forRoot(): DynamicModule {
    return {
      module: DbModule,
      imports: [
        DatabaseWatchModule,
        TypeOrmModule.forRootAsync({
          imports: [DatabaseWatchModule],
          inject: [PLENUM_CONFIG, DatabaseWatch],
          useFactory: (config: PlenumConfig, watch: DatabaseWatch) =>
            dataSourceOptions(config.databaseUrl, {}, config.database, watch),
        }),
        TypeOrmModule.forFeature(entities),
      ],
      exports: [TypeOrmModule, DatabaseWatchModule],
    };
  }
}
