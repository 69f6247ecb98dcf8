import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import type { UpdateImpression } from '@plenum/contracts';
import {
  Event,
  EventImpression,
  Question,
  Session,
  SessionSlide,
  SessionSpeaker,
  Stage,
} from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What a new photo of the gallery is made of (the database fills in id and time). */
export type NewImpression = Pick<
  EventImpression,
  | 'eventId'
  | 'storageKey'
  | 'contentType'
  | 'sizeBytes'
  | 'altText'
  | 'caption'
  | 'position'
  | 'createdById'
>;

/** What new slides are made of. */
export type NewSlide = Pick<
  SessionSlide,
  'eventId' | 'sessionId' | 'title' | 'fileName' | 'storageKey' | 'sizeBytes' | 'uploadedById'
>;

/**
 * The mediathek's reads (ended sessions, stages, speakers, answered questions), the slides and
 * the photo gallery. Recordings have their own repository.
 */
@Injectable()
export class OnDemandRepository {
  constructor(private readonly db: DataSource) {}

  /** The event a signed media link names. */
  @GenerateSql({ params: ['digitale-staedte'] })
  eventBySlug(slug: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ slug });
  }

  /** The sessions that may end up in the mediathek: not cancelled, no breaks or expo slots. */
  @GenerateSql({ params: [SQL_UUID] })
  mediathekSessions(eventId: string): Promise<Session[]> {
    return this.db.getRepository(Session).find({
      where: { eventId, state: Not('cancelled'), kind: Not(In(['break', 'expo'])) },
      order: { startsAt: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID] })
  stages(eventId: string): Promise<Stage[]> {
    return this.db.getRepository(Stage).find({ where: { eventId } });
  }

  /** The sessions' speakers with their profiles, in each session's order. */
  @GenerateSql({ params: [[SQL_UUID]] })
  async sessionSpeakers(sessionIds: string[]): Promise<SessionSpeaker[]> {
    if (sessionIds.length === 0) return [];
    return this.db.getRepository(SessionSpeaker).find({
      where: { sessionId: In(sessionIds) },
      relations: { speaker: true },
      order: { position: 'ASC' },
    });
  }

  /** A session's answered questions with their authors, most voted first. */
  @GenerateSql({ params: [SQL_UUID] })
  answeredQuestions(sessionId: string): Promise<Question[]> {
    return this.db.getRepository(Question).find({
      where: { sessionId, state: 'answered' },
      relations: { author: true },
      order: { voteCount: 'DESC', answeredAt: 'ASC' },
    });
  }

  // --- Slides ---------------------------------------------------------------------------------

  @GenerateSql({ params: [[SQL_UUID]] })
  async slides(sessionIds: string[]): Promise<SessionSlide[]> {
    if (sessionIds.length === 0) return [];
    return this.db.getRepository(SessionSlide).find({
      where: { sessionId: In(sessionIds) },
      order: { createdAt: 'ASC' },
    });
  }

  @GenerateSql(
    { name: 'of a session', params: [{ sessionId: SQL_UUID }, SQL_UUID] },
    {
      name: 'of an event',
      params: [{ eventId: SQL_UUID }, SQL_UUID],
    },
  )
  slide(
    owner: { sessionId: string } | { eventId: string },
    id: string,
  ): Promise<SessionSlide | null> {
    return this.db.getRepository(SessionSlide).findOneBy({ id, ...owner });
  }

  @GenerateSql({
    params: [
      {
        eventId: SQL_UUID,
        sessionId: SQL_UUID,
        title: 'Keynote',
        fileName: 'keynote.pdf',
        storageKey: 'slides/x',
        sizeBytes: 1,
        uploadedById: SQL_UUID,
      },
    ],
  })
  addSlide(slide: NewSlide): Promise<SessionSlide> {
    const repo = this.db.getRepository(SessionSlide);
    return repo.save(repo.create(slide));
  }

  @GenerateSql({ params: [SQL_UUID] })
  async deleteSlide(id: string): Promise<void> {
    await this.db.getRepository(SessionSlide).delete(id);
  }

  // --- Photo gallery --------------------------------------------------------------------------

  @GenerateSql({ params: [SQL_UUID] })
  impressions(eventId: string): Promise<EventImpression[]> {
    return this.db.getRepository(EventImpression).find({
      where: { eventId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  impression(eventId: string, id: string): Promise<EventImpression | null> {
    return this.db.getRepository(EventImpression).findOneBy({ id, eventId });
  }

  /** The highest position in the event's gallery; null while it is empty. */
  @GenerateSql({ params: [SQL_UUID] })
  async lastImpressionPosition(eventId: string): Promise<number | null> {
    const last = await this.db
      .getRepository(EventImpression)
      .createQueryBuilder('i')
      .select('max(i.position)', 'max')
      .where('i.event_id = :eventId', { eventId })
      .getRawOne<{ max: number | null }>();
    return last?.max ?? null;
  }

  @GenerateSql({
    params: [
      {
        eventId: SQL_UUID,
        storageKey: 'impressions/x',
        contentType: 'image/jpeg',
        sizeBytes: 1,
        altText: 'Foyer',
        caption: '',
        position: 0,
        createdById: SQL_UUID,
      },
    ],
  })
  addImpression(impression: NewImpression): Promise<EventImpression> {
    const repo = this.db.getRepository(EventImpression);
    return repo.save(repo.create(impression));
  }

  @GenerateSql({ params: [SQL_UUID, { caption: 'Das Foyer', position: 2 }] })
  async updateImpression(id: string, changes: UpdateImpression): Promise<void> {
    await this.db.getRepository(EventImpression).update(id, changes);
  }

  @GenerateSql({ params: [SQL_UUID] })
  async deleteImpression(id: string): Promise<void> {
    await this.db.getRepository(EventImpression).delete(id);
  }
}
