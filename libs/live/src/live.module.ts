import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { QaModule } from '@plenum/qa';
import { ChatService } from './chat.service';
import { LiveAuth } from './live-auth';
import { LiveMetrics } from './live-metrics.service';
import { LiveGateway } from './live.gateway';
import { ModerationService } from './moderation.service';
import { PresenceService } from './presence.service';
import { RateLimitService } from './rate-limit.service';
import { ReactionsService } from './reactions.service';
import { RoomAccessService } from './room-access.service';

@Module({
  imports: [IdentityModule, QaModule],
  providers: [
    ChatService,
    LiveAuth,
    LiveGateway,
    LiveMetrics,
    ModerationService,
    PresenceService,
    RateLimitService,
    ReactionsService,
    RoomAccessService,
  ],
  exports: [ChatService, ModerationService, PresenceService, ReactionsService],
})
export class LiveModule {}
