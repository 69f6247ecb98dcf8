import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { RemindersCoreModule } from '@plenum/reminders';
import { VideoModule } from '@plenum/video';
import { WorkshopRegistrationsRepository } from './workshop-registrations.repository';
import { WorkshopRegistrationsService } from './workshop-registrations.service';
import { WorkshopsController } from './workshops.controller';
import { WorkshopsRepository } from './workshops.repository';
import { WorkshopsService } from './workshops.service';

@Module({
  imports: [IdentityModule, RemindersCoreModule, VideoModule],
  controllers: [WorkshopsController],
  providers: [
    WorkshopRegistrationsRepository,
    WorkshopRegistrationsService,
    WorkshopsRepository,
    WorkshopsService,
  ],
  exports: [WorkshopRegistrationsService],
})
export class WorkshopsModule {}
