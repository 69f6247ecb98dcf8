import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { queueNames } from '@plenum/contracts';
import { ReminderAudienceRepository } from './reminder-audience.repository';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';
import { ReminderFanOut } from './reminder-fan-out.service';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

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
    RemindersRepository,
  ],
  exports: [
    ReminderAudienceRepository,
    ReminderDeliveriesRepository,
    ReminderFanOut,
    ReminderScheduler,
    RemindersRepository,
    BullModule,
  ],
})
export class RemindersCoreModule {}
