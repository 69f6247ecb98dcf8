import { Inject, Injectable, Logger } from '@nestjs/common';
import { RoomServiceClient, TrackSource, TwirpError } from 'livekit-server-sdk';
import type { CreateOptions } from 'livekit-server-sdk';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { VideoRoom } from '@plenum/contracts';
import type { Session } from '@plenum/db';
import { videoRoomName } from './video-room-names';
import { VideoRepository } from './video.repository';

/** What a person may do in a room; the same shape goes into tokens and live permission updates. */
export interface RoomPermission {
  canPublish: boolean;
  canPublishData: boolean;
  roomAdmin: boolean;
}

/** The sources a publisher may send: camera, microphone and a shared screen with its sound. */
export const publishSources = [
  TrackSource.CAMERA,
  TrackSource.MICROPHONE,
  TrackSource.SCREEN_SHARE,
  TrackSource.SCREEN_SHARE_AUDIO,
];

export type RoomSettings = Required<
  Pick<CreateOptions, 'emptyTimeout' | 'departureTimeout' | 'maxParticipants' | 'metadata'>
>;

const MINUTE = 60;
/** Rooms are prepared this long before a session starts. */
export const PREPARE_AHEAD_MS = 30 * 60_000;
/** A prepared room is not asked for again within this time (per api process). */
const PREPARED_FOR_MS = 5 * 60_000;

/** Seconds from now until a moment, at least `min`, so a room made early waits for its session. */
function secondsUntil(moment: Date | undefined, now: Date, extra: number, min: number): number {
  const until = moment ? Math.ceil((moment.getTime() - now.getTime()) / 1000) : 0;
  return Math.min(24 * 60 * MINUTE, Math.max(min, until + extra));
}

/**
 * Limits per kind of room. A room made ahead of its session stays open until a quarter of an
 * hour after the start even if nobody comes early; once people have been in it, it closes a few
 * minutes after the last one leaves, which covers a reconnect but not a forgotten tab.
 */
export function roomSettings(
  eventId: string,
  room: VideoRoom,
  session: Pick<Session, 'startsAt' | 'capacity'> | undefined,
  now: Date,
): RoomSettings {
  const metadata = JSON.stringify({ eventId, ...room });
  switch (room.kind) {
    case 'stage':
      // The audience is bounded by the event's members; LiveKit's own capacity is the limit.
      return {
        emptyTimeout: secondsUntil(session?.startsAt, now, 15 * MINUTE, 10 * MINUTE),
        departureTimeout: 5 * MINUTE,
        maxParticipants: 0,
        metadata,
      };
    case 'backstage':
      return {
        emptyTimeout: secondsUntil(session?.startsAt, now, 15 * MINUTE, 10 * MINUTE),
        departureTimeout: 10 * MINUTE,
        maxParticipants: 50,
        metadata,
      };
    case 'workshop':
      // Seats plus room for hosts and moderators; an unlimited workshop is unlimited here too.
      return {
        emptyTimeout: secondsUntil(session?.startsAt, now, 15 * MINUTE, 10 * MINUTE),
        departureTimeout: 5 * MINUTE,
        maxParticipants: session?.capacity ? session.capacity + 10 : 0,
        metadata,
      };
    case 'booth':
      return {
        emptyTimeout: 10 * MINUTE,
        departureTimeout: 2 * MINUTE,
        maxParticipants: 50,
        metadata,
      };
  }
}

/** LiveKit's RoomService: rooms made ahead with limits, and acting on people already inside. */
@Injectable()
export class LiveKitRoomsService {
  private readonly logger = new Logger(LiveKitRoomsService.name);
  private readonly client: RoomServiceClient | undefined;
  private readonly prepared = new Map<string, number>();

  constructor(
    @Inject(PLENUM_CONFIG) config: PlenumConfig,
    private readonly video: VideoRepository,
  ) {
    this.client = config.livekit
      ? new RoomServiceClient(
          config.livekit.apiUrl,
          config.livekit.apiKey,
          config.livekit.apiSecret,
          {
            // A slow LiveKit must not hold up a token or a moderator's click for long.
            requestTimeout: 5,
          },
        )
      : undefined;
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  /**
   * Creates the room with its limits unless this process did so recently. LiveKit answers an
   * existing room with the room, so a second api instance asking again does no harm. A failure
   * is logged, not thrown: LiveKit also creates a room when the first person joins.
   */
  async ensureRoom(
    eventId: string,
    room: VideoRoom,
    session?: Pick<Session, 'startsAt' | 'capacity'>,
    now = new Date(),
  ): Promise<boolean> {
    if (!this.client) return false;
    const name = videoRoomName(eventId, room);
    if ((this.prepared.get(name) ?? 0) > now.getTime()) return false;
    try {
      await this.client.createRoom({ name, ...roomSettings(eventId, room, session, now) });
      this.prepared.set(name, now.getTime() + PREPARED_FOR_MS);
      return true;
    } catch (err) {
      this.logger.warn({ err, room: name }, `Could not create LiveKit room ${name}`);
      return false;
    }
  }

  /**
   * Creates the rooms of sessions that are live or start within half an hour, and the backstage
   * rooms of their stages. The worker runs this every minute.
   */
  async prepareUpcoming(now = new Date()): Promise<string[]> {
    if (!this.client) return [];
    const upcoming = await this.video.sessionsNeedingRooms(
      now,
      new Date(now.getTime() + PREPARE_AHEAD_MS),
    );
    const created: string[] = [];
    const backstages = new Set<string>();
    for (const session of upcoming) {
      const room: VideoRoom =
        session.kind === 'workshop'
          ? { kind: 'workshop', sessionId: session.id }
          : { kind: 'stage', sessionId: session.id };
      if (await this.ensureRoom(session.eventId, room, session, now)) {
        created.push(videoRoomName(session.eventId, room));
      }
      if (session.stageId && !backstages.has(session.stageId)) {
        backstages.add(session.stageId);
        const backstage: VideoRoom = { kind: 'backstage', stageId: session.stageId };
        if (await this.ensureRoom(session.eventId, backstage, session, now)) {
          created.push(videoRoomName(session.eventId, backstage));
        }
      }
    }
    if (created.length) this.logger.log({ rooms: created }, `Prepared ${created.length} rooms`);
    return created;
  }

  /**
   * Sets what a connected participant may do, at once (LiveKit unpublishes tracks a participant
   * may no longer send). False when they are not in the room.
   */
  async setPermission(
    room: string,
    identity: string,
    permission: RoomPermission,
  ): Promise<boolean> {
    if (!this.client) return false;
    return this.ignoringAbsent(() =>
      this.client!.updateParticipant(room, identity, {
        permission: {
          canSubscribe: true,
          canPublish: permission.canPublish,
          canPublishData: permission.canPublishData,
          canPublishSources: permission.canPublish ? publishSources : [],
          canUpdateMetadata: false,
        },
      }),
    );
  }

  /**
   * Removes a participant from a room. LiveKit also invalidates the tokens they already hold, so
   * they cannot come back without asking Plenum for a new one. False when they were not there.
   */
  async removeParticipant(room: string, identity: string): Promise<boolean> {
    if (!this.client) return false;
    return this.ignoringAbsent(() => this.client!.removeParticipant(room, identity));
  }

  /**
   * Mutes every track a participant publishes (a host's "mute"); they may unmute themselves, as
   * in any meeting. False when they are not in the room.
   */
  async mutePublishedTracks(room: string, identity: string): Promise<boolean> {
    if (!this.client) return false;
    const client = this.client;
    return this.ignoringAbsent(async () => {
      const participant = await client.getParticipant(room, identity);
      for (const track of participant.tracks) {
        if (!track.muted) await client.mutePublishedTrack(room, identity, track.sid, true);
      }
    });
  }

  private async ignoringAbsent(call: () => Promise<unknown>): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (err) {
      if (err instanceof TwirpError && err.status === 404) return false;
      throw err;
    }
  }
}
