import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { LiveModule } from '@plenum/live';
import { BoothsController } from './booths.controller';
import { BoothsRepository } from './booths.repository';
import { BoothsService } from './booths.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { LeadsController } from './leads.controller';
import { LeadsRepository } from './leads.repository';
import { LeadsService } from './leads.service';
import { VisitsController } from './visits.controller';
import { VisitsRepository } from './visits.repository';
import { VisitsService } from './visits.service';

@Module({
  imports: [IdentityModule, LiveModule],
  controllers: [BoothsController, ConversationsController, LeadsController, VisitsController],
  providers: [
    BoothsRepository,
    BoothsService,
    ConversationsRepository,
    ConversationsService,
    LeadsRepository,
    LeadsService,
    VisitsRepository,
    VisitsService,
  ],
  exports: [BoothsService],
})
export class ExpoModule {}
