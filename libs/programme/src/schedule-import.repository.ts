import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Session, SessionSpeaker, Speaker, Stage, Track } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

/**
 * What the schedule importer reads and creates within its one transaction: the event's stages,
 * tracks, speakers and sessions by name or guid. Sessions are written through the
 * SessionsRepository.
 */
@Injectable()
export class ScheduleImportRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** One import per event at a time: a second one waits, then finds everything unchanged. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async lockEvent(manager: EntityManager, eventId: string): Promise<void> {
    await manager.query('SELECT id FROM events WHERE id = $1 FOR UPDATE', [eventId]);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  stagesOf(manager: EntityManager, eventId: string): Promise<Stage[]> {
    return manager.getRepository(Stage).findBy({ eventId });
  }

  @GenerateSql({ params: [SQL_MANAGER, { eventId: SQL_UUID, name: 'Saal 1', position: 0 }] })
  insertStage(
    manager: EntityManager,
    stage: Pick<Stage, 'eventId' | 'name' | 'position'>,
  ): Promise<Stage> {
    return manager.getRepository(Stage).save(stage);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  tracksOf(manager: EntityManager, eventId: string): Promise<Track[]> {
    return manager.getRepository(Track).findBy({ eventId });
  }

  @GenerateSql({ params: [SQL_MANAGER, { eventId: SQL_UUID, name: 'Netz', color: '#1f5f99' }] })
  insertTrack(
    manager: EntityManager,
    track: Pick<Track, 'eventId' | 'name' | 'color'>,
  ): Promise<Track> {
    return manager.getRepository(Track).save(track);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, [SQL_UUID]] })
  speakersByGuid(manager: EntityManager, eventId: string, guids: string[]): Promise<Speaker[]> {
    return manager.getRepository(Speaker).findBy({ eventId, guid: In(guids) });
  }

  @GenerateSql({
    params: [SQL_MANAGER, { eventId: SQL_UUID, guid: SQL_UUID, name: 'Ada', biography: '' }],
  })
  insertSpeaker(
    manager: EntityManager,
    speaker: Pick<Speaker, 'eventId' | 'guid' | 'name' | 'biography'>,
  ): Promise<Speaker> {
    return manager.getRepository(Speaker).save(speaker);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, { name: 'Ada', biography: '' }] })
  async updateSpeaker(
    manager: EntityManager,
    id: string,
    changes: Pick<Speaker, 'name' | 'biography'>,
  ): Promise<void> {
    await manager.getRepository(Speaker).update(id, changes);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, [SQL_UUID]] })
  sessionsByGuid(manager: EntityManager, eventId: string, guids: string[]): Promise<Session[]> {
    return manager.getRepository(Session).findBy({ eventId, guid: In(guids) });
  }

  /** The speakers of these sessions, in their order. */
  @GenerateSql({ params: [SQL_MANAGER, [SQL_UUID]] })
  speakerLinksOf(manager: EntityManager, sessionIds: string[]): Promise<SessionSpeaker[]> {
    return manager.getRepository(SessionSpeaker).find({
      where: { sessionId: In(sessionIds) },
      order: { position: 'ASC' },
    });
  }
}
