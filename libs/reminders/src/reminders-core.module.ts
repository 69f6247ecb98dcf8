import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { queueNames } from '@plenum/contracts';
import { ReminderAudienceRepository } from './reminder-audience.repository';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';
import { ReminderFanOut } from './reminder-fan-out.service';
import { ReminderScheduler } from './reminder-scheduler.service';

/** Scheduling and fan-out, shared by the api (programme changes) and the worker. */
@Module({
  imports: [
    BullModule.registerQueue({ name: queueNames.reminders }, { name: queueNames.deliveries }),
  ],
  providers: [
    ReminderAudienceRepository,
    ReminderDeliveriesRepository,
    ReminderFanOut,
    ReminderScheduler,
  ],
  exports: [
    ReminderAudienceRepository,
    ReminderDeliveriesRepository,
    ReminderFanOut,
    ReminderScheduler,
    BullModule,
  ],
})
export class RemindersCoreModule {}
