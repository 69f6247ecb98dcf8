import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { NotificationsService } from './notifications.service';
import { ReminderPreferencesService } from './reminder-preferences.service';
import { RemindersController, UnsubscribeController } from './reminders.controller';
import { RemindersCoreModule } from './reminders-core.module';

@Module({
  imports: [IdentityModule, RemindersCoreModule],
  controllers: [RemindersController, UnsubscribeController],
  providers: [NotificationsService, ReminderPreferencesService],
})
export class RemindersModule {}
