import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Event, Session, SessionSpeaker, Speaker, Stage, Track } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

const SQL_AT = new Date('2026-05-04T10:00:00Z');

/** What the public programme, the feeds and the exports read: an event's programme as rows. */
@Injectable()
export class ProgrammeRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: ['digitale-staedte'] })
  eventBySlug(slug: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ slug });
  }

  @GenerateSql({ params: [SQL_UUID] })
  eventById(id: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  stagesOf(eventId: string): Promise<Stage[]> {
    return this.db
      .getRepository(Stage)
      .find({ where: { eventId }, order: { position: 'ASC', name: 'ASC' } });
  }

  @GenerateSql({ params: [SQL_UUID] })
  tracksOf(eventId: string): Promise<Track[]> {
    return this.db.getRepository(Track).find({ where: { eventId }, order: { name: 'ASC' } });
  }

  @GenerateSql({ params: [SQL_UUID] })
  speakersOf(eventId: string): Promise<Speaker[]> {
    return this.db.getRepository(Speaker).find({ where: { eventId }, order: { name: 'ASC' } });
  }

  /** The event's sessions, or only the given ones of them (a personal agenda). */
  @GenerateSql(
    { name: 'all', params: [SQL_UUID] },
    { name: 'some', params: [SQL_UUID, [SQL_UUID]] },
  )
  async sessionsOf(eventId: string, sessionIds?: string[]): Promise<Session[]> {
    if (sessionIds?.length === 0) return [];
    return this.db.getRepository(Session).find({
      where: sessionIds ? { eventId, id: In(sessionIds) } : { eventId },
      order: { startsAt: 'ASC', title: 'ASC' },
    });
  }

  /** The speakers of these sessions in their order, with the speaker profiles when asked. */
  @GenerateSql(
    { name: 'links', params: [[SQL_UUID]] },
    { name: 'with speakers', params: [[SQL_UUID], true] },
  )
  async speakerLinksOf(sessionIds: string[], withSpeakers = false): Promise<SessionSpeaker[]> {
    if (sessionIds.length === 0) return [];
    return this.db.getRepository(SessionSpeaker).find({
      where: { sessionId: In(sessionIds) },
      relations: withSpeakers ? { speaker: true } : undefined,
      order: { position: 'ASC' },
    });
  }

  /** Live sessions, and scheduled ones under way at `at`, with their stages; breaks left out. */
  @GenerateSql({ params: [SQL_UUID, SQL_AT] })
  sessionsOnAt(eventId: string, at: Date): Promise<Session[]> {
    return this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.stage', 'stage')
      .where('s.event_id = :eventId', { eventId })
      .andWhere("s.kind <> 'break'")
      .andWhere(
        "(s.state = 'live' OR (s.state = 'scheduled' AND s.starts_at <= :at AND s.ends_at > :at))",
        { at },
      )
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('stage.position', 'ASC')
      .getMany();
  }

  /** The first `limit` scheduled sessions starting after `at`, with their stages; no breaks. */
  @GenerateSql({ params: [SQL_UUID, SQL_AT, 12] })
  sessionsStartingAfter(eventId: string, at: Date, limit: number): Promise<Session[]> {
    return this.db
      .getRepository(Session)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.stage', 'stage')
      .where('s.event_id = :eventId', { eventId })
      .andWhere("s.kind <> 'break'")
      .andWhere("s.state = 'scheduled'")
      .andWhere('s.starts_at > :at', { at })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('stage.position', 'ASC')
      .limit(limit)
      .getMany();
  }
}
