import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccessToken } from 'livekit-server-sdk';
import type { Repository } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { VideoRoom, VideoToken } from '@plenum/contracts';
import { User } from '@plenum/db';
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
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async mint(principal: Principal, slug: string, room: VideoRoom): Promise<VideoToken> {
    const livekit = this.config.livekit;
    if (!livekit) throw videoNotConfigured();
    // The room is the target, so that a role scoped to it counts: booth staff whose only role
    // is their booth's, or a speaker whose only role is their session's.
    const { event, memberships } = await this.permissions.eventFor(
      principal,
      slug,
      'event.member',
      roomTarget(room),
    );
    const [access, user] = await Promise.all([
      this.access.decide(principal.userId, event, memberships, room),
      this.users.findOne({ where: { id: principal.userId }, select: ['id', 'displayName'] }),
    ]);
    if (!user) throw PlenumError.unauthenticated();
    await this.rooms.ensureRoom(event.id, room, access.session);

    const { canPublish, canPublishData, roomAdmin } = access.permission;
    const token = new AccessToken(livekit.apiKey, livekit.apiSecret, {
      identity: user.id,
      name: user.displayName,
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
    const jwt = await token.toJwt();
    await this.access.remember(event.id, user.id, access.roomName);
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
