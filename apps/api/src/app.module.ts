import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { ConfigModule } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { DbModule } from '@plenum/db';
import { EventsModule } from '@plenum/events';
import { ExpoModule } from '@plenum/expo';
import { IdentityModule } from '@plenum/identity';
import {
  HttpExceptionFilter,
  PlatformModule,
  RedisModule,
  bullConnection,
  loggerParams,
} from '@plenum/platform';
import { LiveModule } from '@plenum/live';
import { MetricsModule } from '@plenum/metrics';
import { OnDemandModule } from '@plenum/ondemand';
import { PrivacyModule } from '@plenum/privacy';
import { ProgrammeModule } from '@plenum/programme';
import { RemindersModule } from '@plenum/reminders';
import { ReportsModule } from '@plenum/reports';
import { VideoModule } from '@plenum/video';
import { WorkshopsModule } from '@plenum/workshops';
import { HealthController } from './health.controller';

@Module({})
export class AppModule {
  static forRoot(config: PlenumConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        DbModule.forRoot(),
        RedisModule,
        PlatformModule,
        BullModule.forRoot(bullConnection(config)),
        MetricsModule.forRoot(config, 'api'),
        IdentityModule,
        EventsModule,
        ProgrammeModule,
        VideoModule,
        LiveModule,
        WorkshopsModule,
        RemindersModule,
        ExpoModule,
        OnDemandModule,
        ReportsModule,
        PrivacyModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        // Answers pass through the response schema a route declares (@ZodResponse), so nothing
        // leaves the server that the schema does not name.
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
