import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { LiveModule } from '@plenum/live';
import { BackstageRepository } from './backstage.repository';
import { BackstageService } from './backstage.service';
import { PollsRepository } from './polls.repository';
import { PollsService } from './polls.service';
import { QaVoteBatchService } from './qa-vote-batch.service';
import { QaVotesService } from './qa-votes.service';
import { QaController } from './qa.controller';
import { QaHandlers } from './qa.handlers';
import { QaService } from './qa.service';
import { QuestionsRepository } from './questions.repository';

/** Session Q&A, polls and the backstage message line; their socket handlers go into live's map. */
@Module({
  imports: [IdentityModule, LiveModule],
  controllers: [QaController],
  providers: [
    BackstageRepository,
    BackstageService,
    PollsRepository,
    PollsService,
    QaHandlers,
    QaService,
    QaVoteBatchService,
    QaVotesService,
    QuestionsRepository,
  ],
  exports: [BackstageService, PollsService, QaService],
})
export class QaModule {}
