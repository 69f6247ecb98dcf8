import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { queueNames } from '@plenum/contracts';
import { ReminderAudience } from './reminder-audience.service';
import { ReminderFanOut } from './reminder-fan-out.service';
import { ReminderScheduler } from './reminder-scheduler.service';

/** Scheduling and fan-out, shared by the api (programme changes) and the worker. */
@Module({
  imports: [
    BullModule.registerQueue({ name: queueNames.reminders }, { name: queueNames.deliveries }),
  ],
  providers: [ReminderAudience, ReminderFanOut, ReminderScheduler],
  exports: [ReminderAudience, ReminderFanOut, ReminderScheduler, BullModule],
})
export class RemindersCoreModule {}
