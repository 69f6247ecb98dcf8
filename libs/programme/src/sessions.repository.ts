import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { SessionKind, SpeakerPart } from '@plenum/contracts';
import { Session, SessionSpeaker, Speaker, Stage, Track } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

export interface NewSession {
  eventId: string;
  guid?: string;
  title: string;
  kind: SessionKind;
  abstract: string;
  startsAt: Date;
  endsAt: Date;
  stageId: string | null;
  trackId: string | null;
  capacity?: number | null;
  streamUrl?: string | null;
  language?: string | null;
}

export type SessionChanges = Partial<
  Pick<
    Session,
    | 'title'
    | 'kind'
    | 'abstract'
    | 'startsAt'
    | 'endsAt'
    | 'stageId'
    | 'trackId'
    | 'capacity'
    | 'streamUrl'
    | 'language'
    | 'sequence'
    | 'state'
  >
>;

export interface SpeakerLinkRow {
  speakerId: string;
  part: SpeakerPart;
  position: number;
}

const SQL_START = new Date('2026-05-04T10:00:00Z');
const SQL_END = new Date('2026-05-04T11:00:00Z');
const SQL_SESSION: NewSession = {
  eventId: SQL_UUID,
  title: 'Keynote',
  kind: 'keynote',
  abstract: '',
  startsAt: SQL_START,
  endsAt: SQL_END,
  stageId: null,
  trackId: null,
};

/**
 * Sessions as organizers write them: placement under a stage lock, speakers, lifecycle. The
 * schedule importer writes its sessions through the same methods.
 */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  @GenerateSql({ params: [SQL_UUID] })
  getSession(id: string): Promise<Session> {
    return this.db.getRepository(Session).findOneByOrFail({ id });
  }

  /** The session, locked for the rest of the transaction; null when not in this event. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  lockSession(manager: EntityManager, eventId: string, id: string): Promise<Session | null> {
    return manager
      .getRepository(Session)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id AND s.event_id = :eventId', { id, eventId })
      .getOne();
  }

  /**
   * Locks the stage row, so that two writers placing sessions on one stage at once are
   * serialised and the second one sees the first one's session.
   */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  lockStage(manager: EntityManager, stageId: string): Promise<Stage | null> {
    return manager
      .getRepository(Stage)
      .createQueryBuilder('st')
      .setLock('pessimistic_write')
      .where('st.id = :id', { id: stageId })
      .getOne();
  }

  /** The earliest session (not cancelled) on the stage that overlaps the time, other than `ownId`. */
  @GenerateSql(
    { name: 'new', params: [SQL_MANAGER, SQL_UUID, SQL_START, SQL_END, null] },
    { name: 'moved', params: [SQL_MANAGER, SQL_UUID, SQL_START, SQL_END, SQL_UUID] },
  )
  firstOverlap(
    manager: EntityManager,
    stageId: string,
    startsAt: Date,
    endsAt: Date,
    ownId: string | null,
  ): Promise<Session | null> {
    const query = manager
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.stage_id = :stageId', { stageId })
      .andWhere("s.state <> 'cancelled'")
      .andWhere('s.starts_at < :end AND s.ends_at > :start', { start: startsAt, end: endsAt })
      .orderBy('s.starts_at', 'ASC');
    if (ownId) query.andWhere('s.id <> :ownId', { ownId });
    return query.getOne();
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  stageInEvent(manager: EntityManager, eventId: string, id: string): Promise<boolean> {
    return manager.existsBy(Stage, { id, eventId });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  trackInEvent(manager: EntityManager, eventId: string, id: string): Promise<boolean> {
    return manager.existsBy(Track, { id, eventId });
  }

  /** How many of these speaker profiles belong to the event. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, [SQL_UUID]] })
  countSpeakersInEvent(manager: EntityManager, eventId: string, ids: string[]): Promise<number> {
    return manager.countBy(Speaker, { id: In(ids), eventId });
  }

  /** The new session's id. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_SESSION] })
  async insertSession(manager: EntityManager, session: NewSession): Promise<string> {
    const inserted = await manager.getRepository(Session).insert(session);
    return (inserted.identifiers[0] as { id: string }).id;
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, { title: 'Keynote', sequence: 1 }] })
  async updateSession(manager: EntityManager, id: string, changes: SessionChanges): Promise<void> {
    await manager.getRepository(Session).update(id, changes);
  }

  /** The session's speakers become these, in this order. */
  @GenerateSql({
    params: [SQL_MANAGER, SQL_UUID, [{ speakerId: SQL_UUID, part: 'speaker', position: 0 }]],
  })
  async replaceSpeakers(
    manager: EntityManager,
    sessionId: string,
    links: SpeakerLinkRow[],
  ): Promise<void> {
    await manager.delete(SessionSpeaker, { sessionId });
    if (links.length) {
      await manager.insert(
        SessionSpeaker,
        links.map((l) => ({ ...l, sessionId })),
      );
    }
  }

  /** The session's speakers in order, with their profiles. */
  @GenerateSql({ params: [SQL_UUID] })
  speakersOf(sessionId: string): Promise<SessionSpeaker[]> {
    return this.db
      .getRepository(SessionSpeaker)
      .find({ where: { sessionId }, relations: { speaker: true }, order: { position: 'ASC' } });
  }

  /**
   * Where else in the event these speakers are during the time: their links to other sessions
   * (not cancelled) that overlap it, with those sessions.
   */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, [SQL_UUID], SQL_START, SQL_END] })
  speakerClashes(
    eventId: string,
    sessionId: string,
    speakerIds: string[],
    startsAt: Date,
    endsAt: Date,
  ): Promise<SessionSpeaker[]> {
    return this.db
      .getRepository(SessionSpeaker)
      .createQueryBuilder('ss')
      .innerJoinAndSelect('ss.session', 's')
      .where('ss.speaker_id IN (:...ids)', { ids: speakerIds })
      .andWhere('s.id <> :id', { id: sessionId })
      .andWhere('s.event_id = :eventId', { eventId })
      .andWhere("s.state <> 'cancelled'")
      .andWhere('s.starts_at < :end AND s.ends_at > :start', { start: startsAt, end: endsAt })
      .orderBy('s.starts_at', 'ASC')
      .getMany();
  }
}
