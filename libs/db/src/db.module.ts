import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { dataSourceOptions } from './data-source-options';
import { entities } from './entities';

@Global()
@Module({})
export class DbModule {
  static forRoot(): DynamicModule {
    return {
      module: DbModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [PLENUM_CONFIG],
          useFactory: (config: PlenumConfig) => dataSourceOptions(config.databaseUrl),
        }),
        TypeOrmModule.forFeature(entities),
      ],
      exports: [TypeOrmModule],
    };
  }
}
