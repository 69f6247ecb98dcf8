import { Global, Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { FileStorage, LocalDiskStorage } from './file-storage.service';
import { LiveEmitter } from './live-emitter';
import { ProcessFaults, processFaults } from './process-faults';

@Global()
@Module({
  providers: [
    AuditRepository,
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
