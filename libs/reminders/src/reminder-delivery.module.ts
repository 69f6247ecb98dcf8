import { Module } from '@nestjs/common';
import { MailModule } from '@plenum/platform';
import { ReminderDeliveryService } from './reminder-delivery.service';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';

/** For the worker: sends delivery rows in-app and by e-mail. */
@Module({
  imports: [MailModule],
  providers: [ReminderDeliveriesRepository, ReminderDeliveryService],
  exports: [ReminderDeliveryService],
})
export class ReminderDeliveryModule {}
