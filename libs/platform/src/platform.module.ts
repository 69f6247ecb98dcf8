import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { FileStorage, LocalDiskStorage } from './file-storage.service';
import { LiveEmitter } from './live-emitter';
import { ProcessFaults, processFaults } from './process-faults';

@Global()
@Module({
  providers: [
    AuditService,
    LiveEmitter,
    { provide: ProcessFaults, useValue: processFaults },
    {
      provide: FileStorage,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) => new LocalDiskStorage(config.storageDir),
    },
  ],
  exports: [AuditService, LiveEmitter, FileStorage, ProcessFaults],
})
export class PlatformModule {}
