import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { BoothsController } from './booths.controller';
import { BoothsService } from './booths.service';
import { FileStorage, LocalDiskStorage } from './file-storage.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

@Module({
  imports: [IdentityModule],
  controllers: [BoothsController, LeadsController],
  providers: [BoothsService, LeadsService, { provide: FileStorage, useClass: LocalDiskStorage }],
  exports: [BoothsService, FileStorage],
})
export class ExpoModule {}
