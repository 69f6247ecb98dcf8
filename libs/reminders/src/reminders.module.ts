import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { NotificationsService } from './notifications.service';
import { QueueDashboardAccess } from './queue-dashboard-access.service';
import { QueueDashboardController } from './queue-dashboard.controller';
import { QueueDashboardRepository } from './queue-dashboard.repository';
import { ReminderPreferencesService } from './reminder-preferences.service';
import { RemindersController, UnsubscribeController } from './reminders.controller';
import { RemindersCoreModule } from './reminders-core.module';

@Module({
  imports: [IdentityModule, RemindersCoreModule],
  controllers: [QueueDashboardController, RemindersController, UnsubscribeController],
  providers: [
    NotificationsService,
    QueueDashboardAccess,
    QueueDashboardRepository,
    ReminderPreferencesService,
  ],
  exports: [QueueDashboardAccess],
})
export class RemindersModule {}
