import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { LiveModule } from '@plenum/live';
import { BoothsController } from './booths.controller';
import { BoothsService } from './booths.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [IdentityModule, LiveModule],
  controllers: [BoothsController, ConversationsController, LeadsController, VisitsController],
  providers: [BoothsService, ConversationsService, LeadsService, VisitsService],
  exports: [BoothsService],
})
export class ExpoModule {}
