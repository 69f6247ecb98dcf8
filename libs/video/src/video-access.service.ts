import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { MoreThan, Not } from 'typeorm';
import type { Repository } from 'typeorm';
import type { SessionKind, VideoPart, VideoRoom } from '@plenum/contracts';
import {
  Booth,
  BoothConversation,
  Event,
  LiveSpeaker,
  Session,
  SessionSpeaker,
  Stage,
  WorkshopRegistration,
} from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import type { MembershipRole } from '@plenum/identity';
import { PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import { LiveKitRoomsService } from './livekit-rooms.service';
import type { RoomPermission } from './livekit-rooms.service';
import { parseVideoRoomName, videoRoomName } from './video-room-names';

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
 * What a token request needs, read in one query: the event, the person's roles in it, their
 * name, and for a session's room the session and whether the person is live on it.
 */
export interface MintContext {
  eventId: string;
  displayName: string;
  memberships: MembershipRole[];
  known: KnownFacts;
}

/** Facts already read for `decide`, so it does not read them again. */
export interface KnownFacts {
  /** The room's session (null: there is none in this event). */
  session?: Session | null;
  /** Whether the person is live on that session. */
  live?: boolean;
}

interface MintContextRow {
  event_id: string | null;
  display_name: string;
  memberships: MembershipRole[];
  session: {
    id: string;
    eventId: string;
    stageId: string | null;
    kind: SessionKind;
    state: Session['state'];
    startsAt: string;
    endsAt: string;
    capacity: number | null;
  } | null;
  live: boolean;
}

const MINT_CONTEXT = `
  SELECT e.id AS event_id, u.display_name,
         coalesce((SELECT json_agg(json_build_object(
                           'role', m.role, 'sessionId', m.session_id, 'boothId', m.booth_id))
                     FROM memberships m WHERE m.event_id = e.id AND m.user_id = u.id),
                  '[]'::json) AS memberships,
         (SELECT json_build_object('id', s.id, 'eventId', s.event_id, 'stageId', s.stage_id,
                                   'kind', s.kind, 'state', s.state, 'startsAt', s.starts_at,
                                   'endsAt', s.ends_at, 'capacity', s.capacity)
            FROM sessions s WHERE s.id = $3 AND s.event_id = e.id) AS session,
         EXISTS (SELECT 1 FROM live_speakers l WHERE l.session_id = $3 AND l.user_id = u.id) AS live
    FROM users u LEFT JOIN events e ON e.slug = $1
   WHERE u.id = $2`;

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
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    @InjectRepository(Booth) private readonly booths: Repository<Booth>,
    @InjectRepository(BoothConversation)
    private readonly conversations: Repository<BoothConversation>,
    @InjectRepository(SessionSpeaker) private readonly sessionSpeakers: Repository<SessionSpeaker>,
    @InjectRepository(LiveSpeaker) private readonly liveSpeakers: Repository<LiveSpeaker>,
    @InjectRepository(WorkshopRegistration)
    private readonly registrations: Repository<WorkshopRegistration>,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * The one place that decides video rights. Someone outside the event learns nothing (404);
   * a member without a part in the room is refused (403).
   */
  async decide(
    userId: string,
    event: Pick<Event, 'id'>,
    memberships: MembershipRole[],
    room: VideoRoom,
    now = new Date(),
    known: KnownFacts = {},
  ): Promise<RoomAccess> {
    if (memberships.length === 0) throw PlenumError.notFound('Event not found');
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
        const moderates = this.permissions.allows(memberships, 'session.moderate', {
          sessionId: session.id,
        });
        const live =
          known.live ?? (await this.liveSpeakers.existsBy({ sessionId: session.id, userId }));
        // Being live counts only while the person still has a part in the session.
        const publishes =
          live && (moderates || (await this.isOnSession(userId, memberships, [session.id])));
        const permission = { ...(publishes ? publish : watch), roomAdmin: moderates };
        const part: VideoPart = moderates ? 'moderator' : publishes ? 'speaker' : 'audience';
        return { room, roomName, part, permission, session };
      }
      case 'backstage': {
        const stage = await this.stages.findOneBy({ id: room.stageId, eventId: event.id });
        if (!stage) throw PlenumError.notFound('Stage not found');
        const sessions = await this.sessions.find({
          where: {
            stageId: stage.id,
            state: Not('cancelled'),
            endsAt: MoreThan(new Date(now.getTime() - BACKSTAGE_AFTER_END_MS)),
          },
          order: { startsAt: 'ASC' },
        });
        const ids = sessions.map((s) => s.id);
        const moderates =
          this.permissions.allows(memberships, 'session.moderate') ||
          ids.some((sessionId) =>
            this.permissions.allows(memberships, 'session.moderate', { sessionId }),
          );
        if (moderates)
          return { room, roomName, part: 'moderator', permission: host, session: sessions[0] };
        if (await this.isOnSession(userId, memberships, ids)) {
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
        if (this.permissions.allows(memberships, 'session.moderate', { sessionId: session.id })) {
          return { room, roomName, part: 'moderator', permission: host, session };
        }
        if (await this.isOnSession(userId, memberships, [session.id], 'host')) {
          return { room, roomName, part: 'host', permission: host, session };
        }
        // Everyone in a workshop may speak. Confirmed seats never exceed the capacity (the
        // registration holds that under a lock) and one identity is one participant, so the
        // room holds at most the capacity plus the hosts.
        const confirmed = await this.registrations.existsBy({
          sessionId: session.id,
          userId,
          status: 'confirmed',
        });
        if (confirmed) return { room, roomName, part: 'participant', permission: publish, session };
        throw PlenumError.forbidden(
          'Only the hosts and registered participants join this workshop',
        );
      }
      case 'booth': {
        const booth = await this.booths.findOneBy({ id: room.boothId, eventId: event.id });
        if (!booth) throw PlenumError.notFound('Booth not found');
        if (this.permissions.allows(memberships, 'booth.manage', { boothId: booth.id })) {
          return { room, roomName, part: 'staff', permission: host };
        }
        // Staff let a visitor in by accepting their "talk to us" request (libs/expo).
        const accepted = await this.conversations.existsBy({
          boothId: booth.id,
          visitorId: userId,
          state: 'active',
        });
        if (accepted) return { room, roomName, part: 'visitor', permission: publish };
        throw PlenumError.forbidden("Only the booth's staff, and visitors they let in, join");
      }
    }
  }

  /**
   * Whether the person speaks in one of the sessions: a speaker role for that session, or a
   * speaker profile of theirs on its programme (for workshops: as a host).
   */
  async isOnSession(
    userId: string,
    memberships: MembershipRole[],
    sessionIds: string[],
    part?: 'host',
  ): Promise<boolean> {
    if (sessionIds.length === 0) return false;
    const scoped = memberships.some(
      (m) => m.role === 'speaker' && m.sessionId !== null && sessionIds.includes(m.sessionId),
    );
    if (scoped) return true;
    const query = this.sessionSpeakers
      .createQueryBuilder('ss')
      .innerJoin('ss.speaker', 'sp')
      .where('ss.session_id IN (:...sessionIds)', { sessionIds })
      .andWhere('sp.user_id = :userId', { userId });
    if (part) query.andWhere('ss.part = :part', { part });
    return query.getExists();
  }

  /**
   * Reads the event by slug, the person's memberships and name, and the session of a stage or
   * workshop room with the person's live flag, in one round trip instead of five. Null when
   * the person is unknown.
   */
  async mintContext(userId: string, slug: string, room: VideoRoom): Promise<MintContext | null> {
    const sessionId = room.kind === 'stage' || room.kind === 'workshop' ? room.sessionId : null;
    const [row] = await this.sessions.manager.query<MintContextRow[]>(MINT_CONTEXT, [
      slug,
      userId,
      sessionId,
    ]);
    if (!row) return null;
    if (!row.event_id) throw PlenumError.notFound('Event not found');
    const known: KnownFacts = {};
    if (sessionId) {
      const s = row.session;
      known.session = s
        ? Object.assign(new Session(), {
            ...s,
            startsAt: new Date(s.startsAt),
            endsAt: new Date(s.endsAt),
          })
        : null;
      known.live = row.live;
    }
    return {
      eventId: row.event_id,
      displayName: row.display_name,
      memberships: row.memberships,
      known,
    };
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
    const event = await this.events.findOneBy({ id: eventId });
    if (!event) return result;
    const key = this.roomsKey(eventId, userId);
    const names = onlyRoom ? [videoRoomName(eventId, onlyRoom)] : await this.redis.smembers(key);
    const memberships = await this.permissions.membershipsOf(userId, eventId);
    for (const name of names) {
      const room = parseVideoRoomName(name);
      if (!room) continue;
      let access: RoomAccess | undefined;
      try {
        access = await this.decide(userId, event, memberships, room);
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
        : await this.sessions.findOneBy({ id: sessionId, eventId: event.id });
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
