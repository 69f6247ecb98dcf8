import { Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { IdentityModule, MembershipChangesService } from '@plenum/identity';
import { AttendanceRepository } from './attendance.repository';
import { AttendanceService } from './attendance.service';
import { LiveKitRoomsService } from './livekit-rooms.service';
import { LiveKitWebhookController } from './livekit-webhook.controller';
import { LiveKitWebhookHandlers } from './livekit-webhook-handlers';
import { LiveStageService } from './live-stage.service';
import { VideoAccessService } from './video-access.service';
import { VideoController } from './video.controller';
import { VideoRepository } from './video.repository';
import { VideoTokensService } from './video-tokens.service';

@Module({
  imports: [IdentityModule],
  controllers: [VideoController, LiveKitWebhookController],
  providers: [
    AttendanceRepository,
    AttendanceService,
    LiveKitRoomsService,
    LiveKitWebhookHandlers,
    LiveStageService,
    VideoAccessService,
    VideoRepository,
    VideoTokensService,
  ],
  exports: [LiveKitRoomsService, LiveKitWebhookHandlers, VideoAccessService],
})
export class VideoModule implements OnModuleInit {
  constructor(
    private readonly changes: MembershipChangesService,
    private readonly access: VideoAccessService,
  ) {}

  onModuleInit(): void {
    // Someone who lost a role leaves the rooms it let them into, or keeps only what remains.
    this.changes.onRemoved(({ eventId, userId }) => this.access.reconcile(eventId, userId));
  }
}
