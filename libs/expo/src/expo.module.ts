import { Module } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { IdentityModule } from '@plenum/identity';
import { LiveModule } from '@plenum/live';
import { BoothsController } from './booths.controller';
import { BoothsService } from './booths.service';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { FileStorage, LocalDiskStorage } from './file-storage.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { VisitsController } from './visits.controller';
import { VisitsService } from './visits.service';

@Module({
  imports: [IdentityModule, LiveModule],
  controllers: [BoothsController, ConversationsController, LeadsController, VisitsController],
  providers: [
    BoothsService,
    ConversationsService,
    LeadsService,
    VisitsService,
    {
      provide: FileStorage,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) => new LocalDiskStorage(config.storageDir),
    },
  ],
  exports: [BoothsService, FileStorage],
})
export class ExpoModule {}
