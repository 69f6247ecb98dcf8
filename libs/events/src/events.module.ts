import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { AuditLogController } from './audit-log.controller';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Module({
  imports: [IdentityModule],
  controllers: [EventsController, AuditLogController],
  providers: [EventsService, EventsRepository],
  exports: [EventsService],
})
export class EventsModule {}
