import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { RecordingState } from '@plenum/contracts';
import { Recording, User } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

/** The states of a recording that holds its session's one running slot. */
export const RUNNING_RECORDING: RecordingState[] = ['starting', 'recording'];

/** What a new recording is made of (the database fills in id and time). */
export type NewRecording = Pick<Recording, 'eventId' | 'sessionId' | 'source' | 'state' | 'media'> &
  Partial<
    Pick<
      Recording,
      'contentType' | 'storageKey' | 'sizeBytes' | 'url' | 'startedById' | 'startedAt'
    >
  >;

/** A change to a recording's row. */
export type RecordingChanges = Partial<
  Pick<
    Recording,
    | 'egressId'
    | 'state'
    | 'location'
    | 'url'
    | 'sizeBytes'
    | 'durationSeconds'
    | 'error'
    | 'startedAt'
    | 'endedAt'
    | 'endedById'
  >
>;

/** Session recordings: egress rows, uploads and links, and the names of who started them. */
@Injectable()
export class RecordingsRepository {
  constructor(private readonly db: DataSource) {}

  /** Whether the session has a recording in its running slot. */
  @GenerateSql({ params: [SQL_UUID] })
  isRecording(sessionId: string): Promise<boolean> {
    return this.db.getRepository(Recording).existsBy({ sessionId, state: In(RUNNING_RECORDING) });
  }

  /** The session's running recording. */
  @GenerateSql({ params: [SQL_UUID] })
  running(sessionId: string): Promise<Recording | null> {
    return this.db.getRepository(Recording).findOneBy({ sessionId, state: In(RUNNING_RECORDING) });
  }

  /**
   * Adds a recording. A running one claims the session's slot: a second one fails on the
   * unique index (23505).
   */
  @GenerateSql({
    name: 'egress',
    params: [
      {
        eventId: SQL_UUID,
        sessionId: SQL_UUID,
        source: 'egress',
        state: 'starting',
        media: 'file',
        contentType: 'video/mp4',
        startedById: SQL_UUID,
        startedAt: new Date('2026-05-04T10:00:00Z'),
      },
    ],
  })
  add(recording: NewRecording): Promise<Recording> {
    const repo = this.db.getRepository(Recording);
    return repo.save(repo.create(recording));
  }

  @GenerateSql({ params: [SQL_UUID, { state: 'failed', error: 'Egress did not start' }] })
  async update(id: string, changes: RecordingChanges): Promise<void> {
    await this.db.getRepository(Recording).update(id, changes);
  }

  /** Ends a recording only while it is still running (the webhook may have finished it). */
  @GenerateSql({
    params: [SQL_UUID, { state: 'processing', endedAt: new Date('2026-05-04T10:00:00Z') }],
  })
  async endIfRunning(id: string, changes: RecordingChanges): Promise<void> {
    await this.db.getRepository(Recording).update({ id, state: In(RUNNING_RECORDING) }, changes);
  }

  @GenerateSql(
    { name: 'of a session', params: [{ sessionId: SQL_UUID }, SQL_UUID] },
    { name: 'of an event', params: [{ eventId: SQL_UUID }, SQL_UUID] },
  )
  recording(
    owner: { sessionId: string } | { eventId: string },
    id: string,
  ): Promise<Recording | null> {
    return this.db.getRepository(Recording).findOneBy({ id, ...owner });
  }

  @GenerateSql({ params: [SQL_UUID] })
  async delete(id: string): Promise<void> {
    await this.db.getRepository(Recording).delete(id);
  }

  /** Every recording of the session, newest first. */
  @GenerateSql({ params: [SQL_UUID] })
  ofSession(sessionId: string): Promise<Recording[]> {
    return this.db.getRepository(Recording).find({
      where: { sessionId },
      order: { createdAt: 'DESC' },
    });
  }

  /** The ready recordings of the sessions, newest first. */
  @GenerateSql({ params: [[SQL_UUID]] })
  async ready(sessionIds: string[]): Promise<Recording[]> {
    if (sessionIds.length === 0) return [];
    return this.db.getRepository(Recording).find({
      where: { sessionId: In(sessionIds), state: 'ready' },
      order: { createdAt: 'DESC' },
    });
  }

  /** The recording an egress webhook is about, in the webhook's transaction. */
  @GenerateSql({ params: [SQL_MANAGER, 'EG_example'] })
  byEgressId(manager: EntityManager, egressId: string): Promise<Recording | null> {
    return manager.getRepository(Recording).findOneBy({ egressId });
  }

  /** Applies a webhook's change in its transaction. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, { state: 'processing' }] })
  async updateIn(manager: EntityManager, id: string, changes: RecordingChanges): Promise<void> {
    await manager.getRepository(Recording).update(id, changes);
  }

  /** The display names of the people who started or stopped recordings. */
  @GenerateSql({ params: [[SQL_UUID]] })
  async displayNames(userIds: string[]): Promise<Array<Pick<User, 'id' | 'displayName'>>> {
    if (userIds.length === 0) return [];
    return this.db
      .getRepository(User)
      .find({ where: { id: In(userIds) }, select: ['id', 'displayName'] });
  }
}
