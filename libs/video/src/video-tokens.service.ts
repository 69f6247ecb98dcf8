import { Inject, Injectable } from '@nestjs/common';
import { AccessToken } from 'livekit-server-sdk';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { VideoRoom, VideoToken } from '@plenum/contracts';
import { PermissionsService } from '@plenum/identity';
import type { ActionTarget, Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { LiveKitRoomsService, publishSources } from './livekit-rooms.service';
import { VideoAccessService } from './video-access.service';

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

function roomTarget(room: VideoRoom): ActionTarget {
  switch (room.kind) {
    case 'stage':
    case 'workshop':
      return { sessionId: room.sessionId };
    case 'booth':
      return { boothId: room.boothId };
    case 'backstage':
      return {};
  }
}

@Injectable()
export class VideoTokensService {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly access: VideoAccessService,
    private readonly rooms: LiveKitRoomsService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async mint(principal: Principal, slug: string, room: VideoRoom): Promise<VideoToken> {
    const livekit = this.config.livekit;
    if (!livekit) throw videoNotConfigured();
    const context = await this.access.mintContext(principal.userId, slug, room);
    if (!context) throw PlenumError.unauthenticated();
    const { eventId, memberships } = context;
    // The room is the target, so that a role scoped to it counts: booth staff whose only role
    // is their booth's, or a speaker whose only role is their session's.
    if (
      memberships.length > 0 &&
      !this.permissions.allows(memberships, 'event.member', roomTarget(room))
    ) {
      throw PlenumError.forbidden();
    }
    const access = await this.access.decide(
      principal.userId,
      { id: eventId },
      memberships,
      room,
      new Date(),
      context.known,
    );
    await this.rooms.ensureRoom(eventId, room, access.session);

    const { canPublish, canPublishData, roomAdmin } = access.permission;
    const token = new AccessToken(livekit.apiKey, livekit.apiSecret, {
      identity: principal.userId,
      name: context.displayName,
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
      this.access.remember(eventId, principal.userId, access.roomName),
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
