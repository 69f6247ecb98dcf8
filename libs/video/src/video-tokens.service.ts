import { Inject, Injectable } from '@nestjs/common';
import { AccessToken } from 'livekit-server-sdk';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { VideoRoom, VideoToken } from '@plenum/contracts';
import type { ResolvedAccess } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { LiveKitRoomsService, publishSources } from './livekit-rooms.service';
import { VideoAccessService } from './video-access.service';
import { VideoRepository } from './video.repository';

/**
 * Short on purpose: a token only opens the door. LiveKit renews the token of a connected
 * participant itself, and taking rights away goes through RoomService, not through expiry.
 */
export const VIDEO_TOKEN_TTL_SECONDS = 600;

export function videoNotConfigured(): PlenumError {
  return new PlenumError(
    'VIDEO_NOT_CONFIGURED',
    'Video is not set up on this installation (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET)',
    503,
  );
}

@Injectable()
export class VideoTokensService {
  constructor(
    private readonly access: VideoAccessService,
    private readonly rooms: LiveKitRoomsService,
    private readonly video: VideoRepository,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  /**
   * A token for one room of the event. The access guard resolved the event and the caller's
   * roles (`event.member`); this reads only the room's facts, in one query, and decides.
   */
  async mint(caller: ResolvedAccess, room: VideoRoom): Promise<VideoToken> {
    const livekit = this.config.livekit;
    if (!livekit) throw videoNotConfigured();
    const { principal, event } = caller;
    const sessionId = room.kind === 'stage' || room.kind === 'workshop' ? room.sessionId : null;
    const facts = await this.video.mintFacts(principal.userId, event.id, sessionId);
    if (!facts) throw PlenumError.unauthenticated();
    const access = await this.access.decide(
      principal.userId,
      event,
      caller,
      room,
      new Date(),
      sessionId ? { session: facts.session, live: facts.live } : {},
    );
    await this.rooms.ensureRoom(event.id, room, access.session);

    const { canPublish, canPublishData, roomAdmin } = access.permission;
    const token = new AccessToken(livekit.apiKey, livekit.apiSecret, {
      identity: principal.userId,
      name: facts.displayName,
      ttl: VIDEO_TOKEN_TTL_SECONDS,
      metadata: JSON.stringify({ part: access.part }),
    });
    token.addGrant({
      room: access.roomName,
      roomJoin: true,
      canSubscribe: true,
      canPublish,
      canPublishData,
      ...(canPublish ? { canPublishSources: publishSources } : {}),
      roomAdmin,
      canUpdateOwnMetadata: false,
    });
    const expiresAt = new Date(Date.now() + VIDEO_TOKEN_TTL_SECONDS * 1000);
    const [jwt] = await Promise.all([
      token.toJwt(),
      this.access.remember(event.id, principal.userId, access.roomName),
    ]);
    return {
      token: jwt,
      url: livekit.url,
      room: access.roomName,
      expiresAt: expiresAt.toISOString(),
      part: access.part,
      canPublish,
      roomAdmin,
    };
  }
}
