import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AttendanceInterval, LiveKitWebhookEvent, Session } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';
import type { RoomConnection } from './attendance-figures';

/** One participant connection as a webhook reports it. */
export interface ConnectionReport {
  eventId: string;
  sessionId: string;
  room: string;
  participantSid: string;
  /** The participant identity as stored (at most 200 characters). */
  identity: string;
  /** The identity as LiveKit sent it: the user id Plenum put in the token. */
  userRef: string;
  joinedAt: Date;
}

const exampleConnection: ConnectionReport = {
  eventId: SQL_UUID,
  sessionId: SQL_UUID,
  room: `plenum:${SQL_UUID}:stage:${SQL_UUID}`,
  participantSid: 'PA_example',
  identity: SQL_UUID,
  userRef: SQL_UUID,
  joinedAt: new Date('2026-03-10T10:00:00Z'),
};

/** Processed LiveKit webhooks and the attendance intervals they write. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** False when the webhook was processed before (its id is already recorded). */
  @GenerateSql({ params: [SQL_MANAGER, { id: 'EV_example', event: 'room_started', room: null }] })
  async markProcessed(
    manager: EntityManager,
    webhook: Pick<LiveKitWebhookEvent, 'id' | 'event' | 'room'>,
  ): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(LiveKitWebhookEvent)
      .values(webhook)
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** The ids are kept only as long as LiveKit may retry a delivery. */
  @GenerateSql()
  async purgeProcessed(): Promise<number> {
    const result = await this.db.query<[unknown, number]>(
      `DELETE FROM livekit_webhook_events WHERE received_at < now() - interval '7 days'`,
    );
    return result[1];
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  sessionInEvent(manager: EntityManager, eventId: string, sessionId: string): Promise<boolean> {
    return manager.getRepository(Session).existsBy({ id: sessionId, eventId });
  }

  /** The room closed: whoever is still in it leaves at that moment. */
  @GenerateSql({ params: [SQL_MANAGER, exampleConnection.room, new Date('2026-03-10T11:00:00Z')] })
  async closeRoom(manager: EntityManager, room: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE attendance_intervals SET left_at = $2 WHERE room = $1 AND left_at IS NULL`,
      [room, at],
    );
  }

  /**
   * A connection began. The identity links to the account while the record is personal (the
   * personal-data export and the retention job follow the link).
   */
  @GenerateSql({ params: [SQL_MANAGER, exampleConnection] })
  async joined(manager: EntityManager, c: ConnectionReport): Promise<void> {
    await manager.query(
      `INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE id::text = $7))
       ON CONFLICT (participant_sid)
       DO UPDATE SET joined_at = LEAST(attendance_intervals.joined_at, EXCLUDED.joined_at)`,
      [c.eventId, c.sessionId, c.room, c.participantSid, c.identity, c.joinedAt, c.userRef],
    );
  }

  /**
   * A connection ended. A leave may overtake its join; then the interval is written from the
   * leave, and the join, when it comes, only moves the start back.
   */
  @GenerateSql({ params: [SQL_MANAGER, exampleConnection, new Date('2026-03-10T10:30:00Z')] })
  async left(manager: EntityManager, c: ConnectionReport, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, left_at, user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM users WHERE id::text = $8))
       ON CONFLICT (participant_sid) DO UPDATE SET left_at = EXCLUDED.left_at
       WHERE attendance_intervals.left_at IS NULL`,
      [c.eventId, c.sessionId, c.room, c.participantSid, c.identity, c.joinedAt, at, c.userRef],
    );
  }

  @GenerateSql({ params: [SQL_UUID] })
  connectionsOf(sessionId: string): Promise<RoomConnection[]> {
    return this.db.getRepository(AttendanceInterval).find({
      where: { sessionId },
      select: ['identity', 'joinedAt', 'leftAt'],
    });
  }
}
