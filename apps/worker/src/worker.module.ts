import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { queueNames } from '@plenum/contracts';
import { DbModule } from '@plenum/db';
import { MetricsModule } from '@plenum/metrics';
import {
  IdentityMaintenance,
  IdentityMaintenanceRepository,
  InvitationMailModule,
} from '@plenum/identity';
import { PlatformModule, RedisModule, bullConnection } from '@plenum/platform';
import { PrivacyRepository, RetentionService } from '@plenum/privacy';
import { ReminderDeliveryModule, RemindersCoreModule } from '@plenum/reminders';
import {
  AttendanceRepository,
  LiveKitRoomsService,
  VideoRepository,
  WebhookIds,
} from '@plenum/video';
import { DeliveriesProcessor } from './deliveries.processor';
import { MailProcessor } from './mail.processor';
import { MaintenanceProcessor } from './maintenance.processor';
import { RemindersProcessor } from './reminders.processor';
import { RetentionProcessor } from './retention.processor';
import { VideoRoomsProcessor } from './video-rooms.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: PlenumConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        DbModule.forRoot(),
        RedisModule,
        PlatformModule,
        BullModule.forRoot(bullConnection(config)),
        MetricsModule.forRoot(config, 'worker'),
        BullModule.registerQueue(
          { name: queueNames.mail },
          { name: queueNames.maintenance },
          { name: queueNames.video },
          { name: queueNames.privacy },
        ),
        RemindersCoreModule,
        ReminderDeliveryModule,
        InvitationMailModule,
      ],
      providers: [
        AttendanceRepository,
        DeliveriesProcessor,
        IdentityMaintenance,
        IdentityMaintenanceRepository,
        LiveKitRoomsService,
        MailProcessor,
        MaintenanceProcessor,
        RemindersProcessor,
        PrivacyRepository,
        RetentionProcessor,
        RetentionService,
        VideoRepository,
        VideoRoomsProcessor,
        WebhookIds,
      ],
    };
  }
}
