import { Module } from '@nestjs/common';
import { IdentityModule } from '@plenum/identity';
import { ChatHandlers } from './chat.handlers';
import { ChatResync } from './chat-resync.service';
import { ChatRepository } from './chat.repository';
import { ChatService } from './chat.service';
import { LiveAuth } from './live-auth';
import { LiveHandlers } from './live-handlers';
import { LiveMetrics } from './live-metrics.service';
import { LiveGateway } from './live.gateway';
import { LiveRepository } from './live.repository';
import { ModerationService } from './moderation.service';
import { PresenceService } from './presence.service';
import { RateLimitService } from './rate-limit.service';
import { ReactionsService } from './reactions.service';
import { RoomAccessService } from './room-access.service';

/**
 * The live gateway and its handler map, with the chat's handlers. Other libs (Q&A and polls)
 * import this module and register their handlers into `LiveHandlers`; live imports none of them.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    ChatHandlers,
    ChatRepository,
    ChatResync,
    ChatService,
    LiveAuth,
    LiveGateway,
    LiveHandlers,
    LiveMetrics,
    LiveRepository,
    ModerationService,
    PresenceService,
    RateLimitService,
    ReactionsService,
    RoomAccessService,
  ],
  exports: [ChatService, LiveHandlers, ModerationService, PresenceService, ReactionsService],
})
export class LiveModule {}
