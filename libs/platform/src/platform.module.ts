import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { LiveEmitter } from './live-emitter';

@Global()
@Module({ providers: [AuditService, LiveEmitter], exports: [AuditService, LiveEmitter] })
export class PlatformModule {}
