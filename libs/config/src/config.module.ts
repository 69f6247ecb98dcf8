import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { PLENUM_CONFIG } from './config';
import type { PlenumConfig } from './config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: PlenumConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: PLENUM_CONFIG, useValue: config }],
      exports: [PLENUM_CONFIG],
    };
  }
}
