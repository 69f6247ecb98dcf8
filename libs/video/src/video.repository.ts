import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, MoreThan, Not } from 'typeorm';
import type { SessionKind } from '@plenum/contracts';
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
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/**
 * What a token request reads beyond what the access guard resolved: the person's display name,
 * and for a stage or workshop room the session (within the event) and whether the person is
 * live on it.
 */
export interface MintFacts {
  displayName: string;
  /** The room's session; null when the room has none or it is not in this event. */
  session: Session | null;
  /** Whether the person is live on that session. */
  live: boolean;
}

interface MintFactsRow {
  display_name: string;
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

/** One round trip: a token is minted per joining person, so this is the hot path. */
const MINT_FACTS = `
  SELECT u.display_name,
         (SELECT json_build_object('id', s.id, 'eventId', s.event_id, 'stageId', s.stage_id,
                                   'kind', s.kind, 'state', s.state, 'startsAt', s.starts_at,
                                   'endsAt', s.ends_at, 'capacity', s.capacity)
            FROM sessions s WHERE s.id = $2 AND s.event_id = $3) AS session,
         EXISTS (SELECT 1 FROM live_speakers l WHERE l.session_id = $2 AND l.user_id = u.id) AS live
    FROM users u
   WHERE u.id = $1`;

export interface LiveSpeakerRow {
  userId: string;
  displayName: string;
  since: Date;
}

/** The rows video rights are decided on, the live speakers of stages, and rooms to prepare. */
@Injectable()
export class VideoRepository {
  constructor(private readonly db: DataSource) {}

  /** Null when the person is unknown. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, SQL_UUID] })
  async mintFacts(
    userId: string,
    eventId: string,
    sessionId: string | null,
  ): Promise<MintFacts | null> {
    const [row] = await this.db.query<MintFactsRow[]>(MINT_FACTS, [userId, sessionId, eventId]);
    if (!row) return null;
    const s = row.session;
    return {
      displayName: row.display_name,
      session: s
        ? Object.assign(new Session(), {
            ...s,
            startsAt: new Date(s.startsAt),
            endsAt: new Date(s.endsAt),
          })
        : null,
      live: row.live,
    };
  }

  @GenerateSql({ params: [SQL_UUID] })
  eventById(id: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  sessionInEvent(eventId: string, sessionId: string): Promise<Session | null> {
    return this.db.getRepository(Session).findOneBy({ id: sessionId, eventId });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  stageInEvent(eventId: string, stageId: string): Promise<Stage | null> {
    return this.db.getRepository(Stage).findOneBy({ id: stageId, eventId });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  boothInEvent(eventId: string, boothId: string): Promise<boolean> {
    return this.db.getRepository(Booth).existsBy({ id: boothId, eventId });
  }

  /** The stage's sessions that are not cancelled and ended after the given moment. */
  @GenerateSql({ params: [SQL_UUID, new Date('2026-03-10T09:00:00Z')] })
  sessionsOnStage(stageId: string, endedAfter: Date): Promise<Session[]> {
    return this.db.getRepository(Session).find({
      where: { stageId, state: Not('cancelled'), endsAt: MoreThan(endedAfter) },
      order: { startsAt: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  isLive(sessionId: string, userId: string): Promise<boolean> {
    return this.db.getRepository(LiveSpeaker).existsBy({ sessionId, userId });
  }

  /** Whether one of the person's speaker profiles is on the session's programme as its host. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  hostsByProfile(sessionId: string, userId: string): Promise<boolean> {
    return this.db
      .getRepository(SessionSpeaker)
      .createQueryBuilder('ss')
      .innerJoin('ss.speaker', 'sp')
      .where('ss.session_id = :sessionId', { sessionId })
      .andWhere('sp.user_id = :userId', { userId })
      .andWhere("ss.part = 'host'")
      .getExists();
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  hasConfirmedSeat(sessionId: string, userId: string): Promise<boolean> {
    return this.db
      .getRepository(WorkshopRegistration)
      .existsBy({ sessionId, userId, status: 'confirmed' });
  }

  /** Whether staff accepted the person's "talk to us" request at the booth. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  inConversation(boothId: string, visitorId: string): Promise<boolean> {
    return this.db
      .getRepository(BoothConversation)
      .existsBy({ boothId, visitorId, state: 'active' });
  }

  /** Who is live on the session's stage, in the order they were taken live. */
  @GenerateSql({ params: [SQL_UUID] })
  liveSpeakers(sessionId: string): Promise<LiveSpeakerRow[]> {
    return this.db
      .getRepository(LiveSpeaker)
      .createQueryBuilder('l')
      .innerJoin('l.user', 'u')
      .select(['l.user_id AS "userId"', 'u.display_name AS "displayName"', 'l.created_at AS since'])
      .where('l.session_id = :sessionId', { sessionId })
      .orderBy('l.created_at', 'ASC')
      .getRawMany<LiveSpeakerRow>();
  }

  /** False when the person was live already. */
  @GenerateSql({
    params: [{ sessionId: SQL_UUID, userId: SQL_UUID, eventId: SQL_UUID, takenLiveById: null }],
  })
  async takeLive(
    row: Pick<LiveSpeaker, 'sessionId' | 'userId' | 'eventId' | 'takenLiveById'>,
  ): Promise<boolean> {
    const inserted = await this.db
      .getRepository(LiveSpeaker)
      .createQueryBuilder()
      .insert()
      .values(row)
      .orIgnore()
      .returning('session_id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** False when the person was not live. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async takeOff(sessionId: string, userId: string): Promise<boolean> {
    const deleted = await this.db.getRepository(LiveSpeaker).delete({ sessionId, userId });
    return (deleted.affected ?? 0) > 0;
  }

  /** Sessions with a room (no breaks, no expo slots) that are live or start before `until`. */
  @GenerateSql({ params: [new Date('2026-03-10T09:00:00Z'), new Date('2026-03-10T09:30:00Z')] })
  sessionsNeedingRooms(now: Date, until: Date): Promise<Session[]> {
    return this.db.getRepository(Session).find({
      where: [
        {
          state: 'scheduled',
          kind: Not(In(['break', 'expo'])),
          startsAt: LessThanOrEqual(until),
          endsAt: MoreThan(now),
        },
        { state: 'live', kind: Not(In(['break', 'expo'])) },
      ],
      order: { startsAt: 'ASC' },
    });
  }
}
