import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { SessionKind, VideoPart, VideoRoom } from '@plenum/contracts';
import type { Event, Session } from '@plenum/db';
import { PermissionsService, allows } from '@plenum/identity';
import type { MembershipRole } from '@plenum/identity';
import { PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import { LiveKitRoomsService } from './livekit-rooms.service';
import type { RoomPermission } from './livekit-rooms.service';
import { parseVideoRoomName, videoRoomName } from './video-room-names';
import { VideoRepository } from './video.repository';

/** Who may be in a room and with what rights, decided from the person's roles only. */
export interface RoomAccess {
  room: VideoRoom;
  roomName: string;
  part: VideoPart;
  permission: RoomPermission;
  /** The session the room belongs to, for the room's limits. */
  session?: Session;
}

/**
 * The person's roles in the event as the access guard resolves them (`ResolvedAccess`), or
 * `PermissionsService.rolesOf` for someone other than the caller.
 */
export interface PersonRoles {
  /** Their memberships. */
  memberships: readonly MembershipRole[];
  /** The memberships plus a speaker role for each session their speaker profile is on. */
  roles: readonly MembershipRole[];
}

/** Facts already read for `decide`, so it does not read them again. */
export interface KnownFacts {
  /** The room's session (null: there is none in this event). */
  session?: Session | null;
  /** Whether the person is live on that session. */
  live?: boolean;
}

/**
 * Whether one of the roles is a speaker's on one of the sessions: a speaker membership scoped
 * to it, or the person's speaker profile on its programme (in any part).
 */
export function speaksOn(roles: readonly MembershipRole[], sessionIds: readonly string[]): boolean {
  return roles.some(
    (r) => r.role === 'speaker' && r.sessionId !== null && sessionIds.includes(r.sessionId),
  );
}

export const STAGE_KINDS: readonly SessionKind[] = ['keynote', 'talk', 'panel', 'forum'];
/** Speakers of a session that ended longer ago than this no longer get into the backstage. */
const BACKSTAGE_AFTER_END_MS = 60 * 60_000;
/** How long Plenum remembers which rooms a person got a token for (to act on them later). */
const REMEMBER_ROOMS_SECONDS = 24 * 3600;

const watch: RoomPermission = { canPublish: false, canPublishData: false, roomAdmin: false };
const publish: RoomPermission = { canPublish: true, canPublishData: true, roomAdmin: false };
const host: RoomPermission = { canPublish: true, canPublishData: true, roomAdmin: true };

@Injectable()
export class VideoAccessService {
  private readonly logger = new Logger(VideoAccessService.name);

  constructor(
    private readonly permissions: PermissionsService,
    private readonly rooms: LiveKitRoomsService,
    private readonly video: VideoRepository,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * The one place that decides video rights within a room: which kind of room, the session's
   * live flag, a confirmed workshop seat, an accepted booth conversation. Someone without a
   * role in the event learns nothing (404); a member without a part in the room is refused
   * (403).
   */
  async decide(
    userId: string,
    event: Pick<Event, 'id'>,
    person: PersonRoles,
    room: VideoRoom,
    now = new Date(),
    known: KnownFacts = {},
  ): Promise<RoomAccess> {
    const { roles } = person;
    if (roles.length === 0) throw PlenumError.notFound('Event not found');
    const roomName = videoRoomName(event.id, room);
    switch (room.kind) {
      case 'stage': {
        const session = await this.sessionOf(event, room.sessionId, known);
        if (!STAGE_KINDS.includes(session.kind)) {
          throw PlenumError.validation(
            [{ path: 'room.kind', message: `A ${session.kind} session has no stage room` }],
            'This session has no stage room',
          );
        }
        const moderates = allows(roles, 'session.moderate', { sessionId: session.id });
        const live = known.live ?? (await this.video.isLive(session.id, userId));
        // Being live counts only while the person still has a part in the session.
        const publishes = live && (moderates || speaksOn(roles, [session.id]));
        const permission = { ...(publishes ? publish : watch), roomAdmin: moderates };
        const part: VideoPart = moderates ? 'moderator' : publishes ? 'speaker' : 'audience';
        return { room, roomName, part, permission, session };
      }
      case 'backstage': {
        const stage = await this.video.stageInEvent(event.id, room.stageId);
        if (!stage) throw PlenumError.notFound('Stage not found');
        const sessions = await this.video.sessionsOnStage(
          stage.id,
          new Date(now.getTime() - BACKSTAGE_AFTER_END_MS),
        );
        const ids = sessions.map((s) => s.id);
        const moderates =
          allows(roles, 'session.moderate') ||
          ids.some((sessionId) => allows(roles, 'session.moderate', { sessionId }));
        if (moderates)
          return { room, roomName, part: 'moderator', permission: host, session: sessions[0] };
        if (speaksOn(roles, ids)) {
          return { room, roomName, part: 'speaker', permission: publish, session: sessions[0] };
        }
        throw PlenumError.forbidden('Only the speakers and moderators of this stage go backstage');
      }
      case 'workshop': {
        const session = await this.sessionOf(event, room.sessionId, known);
        if (session.kind !== 'workshop') {
          throw PlenumError.validation(
            [{ path: 'room.kind', message: 'This session is not a workshop' }],
            'This session is not a workshop',
          );
        }
        if (allows(roles, 'session.moderate', { sessionId: session.id })) {
          return { room, roomName, part: 'moderator', permission: host, session };
        }
        if (await this.hosts(userId, person, session.id)) {
          return { room, roomName, part: 'host', permission: host, session };
        }
        // Everyone in a workshop may speak. Confirmed seats never exceed the capacity (the
        // registration holds that under a lock) and one identity is one participant, so the
        // room holds at most the capacity plus the hosts.
        if (await this.video.hasConfirmedSeat(session.id, userId)) {
          return { room, roomName, part: 'participant', permission: publish, session };
        }
        throw PlenumError.forbidden(
          'Only the hosts and registered participants join this workshop',
        );
      }
      case 'booth': {
        if (!(await this.video.boothInEvent(event.id, room.boothId))) {
          throw PlenumError.notFound('Booth not found');
        }
        if (allows(roles, 'booth.manage', { boothId: room.boothId })) {
          return { room, roomName, part: 'staff', permission: host };
        }
        // Staff let a visitor in by accepting their "talk to us" request (libs/expo).
        if (await this.video.inConversation(room.boothId, userId)) {
          return { room, roomName, part: 'visitor', permission: publish };
        }
        throw PlenumError.forbidden("Only the booth's staff, and visitors they let in, join");
      }
    }
  }

  /**
   * A workshop's hosts: a speaker invited for that workshop, or a speaker whose profile is on
   * its programme as host (a co-speaker's profile is not).
   */
  private async hosts(userId: string, person: PersonRoles, sessionId: string): Promise<boolean> {
    // No speaker role on this workshop at all: nothing to look up.
    if (!speaksOn(person.roles, [sessionId])) return false;
    if (speaksOn(person.memberships, [sessionId])) return true;
    return this.video.hostsByProfile(sessionId, userId);
  }

  /** Remembers that the person got a token for a room, so a later change of role reaches it. */
  async remember(eventId: string, userId: string, roomName: string): Promise<void> {
    const key = this.roomsKey(eventId, userId);
    await this.redis.multi().sadd(key, roomName).expire(key, REMEMBER_ROOMS_SECONDS).exec();
  }

  /**
   * Brings a person's live connections in line with their roles now: in every room they got a
   * token for, their rights are set anew, or they are removed when they have none left there.
   */
  async reconcile(eventId: string, userId: string, onlyRoom?: VideoRoom): Promise<ReconcileResult> {
    const result: ReconcileResult = { updated: [], removed: [], failed: [] };
    if (!this.rooms.configured) return result;
    const event = await this.video.eventById(eventId);
    if (!event) return result;
    const key = this.roomsKey(eventId, userId);
    const names = onlyRoom ? [videoRoomName(eventId, onlyRoom)] : await this.redis.smembers(key);
    const person = await this.permissions.rolesOf(userId, eventId);
    for (const name of names) {
      const room = parseVideoRoomName(name);
      if (!room) continue;
      let access: RoomAccess | undefined;
      try {
        access = await this.decide(userId, event, person, room);
      } catch (err) {
        if (!(err instanceof PlenumError) || err.status >= 500) throw err;
      }
      try {
        if (access) {
          if (await this.rooms.setPermission(name, userId, access.permission)) {
            result.updated.push(name);
          }
        } else {
          if (await this.rooms.removeParticipant(name, userId)) result.removed.push(name);
          await this.redis.srem(key, name);
        }
      } catch (err) {
        // The role change itself stands; LiveKit being away must not undo or fail it.
        this.logger.warn({ err, room: name, userId }, `Could not apply video rights in ${name}`);
        result.failed.push(name);
      }
    }
    if (result.updated.length || result.removed.length || result.failed.length) {
      this.logger.log({ eventId, userId, ...result }, `Video rights of ${userId} changed`);
    }
    return result;
  }

  private async sessionOf(
    event: Pick<Event, 'id'>,
    sessionId: string,
    known: KnownFacts,
  ): Promise<Session> {
    const session =
      known.session !== undefined
        ? known.session
        : await this.video.sessionInEvent(event.id, sessionId);
    if (!session) throw PlenumError.notFound('Session not found');
    if (session.state === 'cancelled') throw PlenumError.conflict('This session was cancelled');
    return session;
  }

  private roomsKey(eventId: string, userId: string): string {
    return this.keys.key('video', 'rooms', eventId, userId);
  }
}

export interface ReconcileResult {
  updated: string[];
  removed: string[];
  failed: string[];
}
