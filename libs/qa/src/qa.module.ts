import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { BackstageService } from './backstage.service';
import { PollsService } from './polls.service';
import { QaVoteBatchService } from './qa-vote-batch.service';
import { QaVotesService } from './qa-votes.service';
import { QaController } from './qa.controller';
import { QaService } from './qa.service';

@Module({
  imports: [IdentityModule],
  controllers: [QaController],
  providers: [BackstageService, PollsService, QaService, QaVoteBatchService, QaVotesService],
  exports: [BackstageService, PollsService, QaService],
})
export class QaModule {}
