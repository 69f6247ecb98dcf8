import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { WebhookEvent } from 'livekit-server-sdk';
import { DataSource } from 'typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { SessionAttendance } from '@plenum/contracts';
import { AttendanceInterval, LiveKitWebhookEvent, Session } from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { attendanceFigures } from './attendance-figures';
import { LiveKitWebhookHandlers } from './livekit-webhook-handlers';
import { parseVideoRoomName } from './video-room-names';

export type WebhookOutcome = 'processed' | 'duplicate';

/** LiveKit's ParticipantInfo.Kind.STANDARD: a person, not a recorder, ingress or agent. */
const STANDARD_PARTICIPANT = 0;

function seconds(value: bigint): Date | null {
  return value > 0n ? new Date(Number(value) * 1000) : null;
}

/** Turns LiveKit's participant webhooks into attendance per session, each event once. */
@Injectable()
export class AttendanceService {
  private readonly logger = new Logger(AttendanceService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly handlers: LiveKitWebhookHandlers,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(AttendanceInterval)
    private readonly intervals: Repository<AttendanceInterval>,
  ) {}

  /**
   * Records a verified webhook. The event id is inserted in the same transaction as its effect,
   * so a retried delivery is skipped and a failed one is not marked as done.
   */
  async record(event: WebhookEvent, body: string): Promise<WebhookOutcome> {
    // Every LiveKit release that sends webhooks sets an id; the body hash keeps replays out
    // even if one did not.
    const id = event.id || `sha256:${createHash('sha256').update(body).digest('base64url')}`;
    const roomName = event.room?.name ?? null;
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(LiveKitWebhookEvent)
        .values({ id, event: event.event.slice(0, 40), room: roomName?.slice(0, 200) ?? null })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        this.logger.debug({ webhookId: id }, `Webhook ${id} already processed`);
        return 'duplicate';
      }
      await this.apply(manager, event);
      await this.handlers.run(manager, event);
      return 'processed';
    });
  }

  private async apply(manager: EntityManager, event: WebhookEvent): Promise<void> {
    const name = event.room?.name;
    const room = name ? parseVideoRoomName(name) : null;
    if (!name || !room || (room.kind !== 'stage' && room.kind !== 'workshop')) return;
    const at = seconds(event.createdAt) ?? new Date();
    if (event.event === 'room_finished') {
      await manager.query(
        `UPDATE attendance_intervals SET left_at = $2 WHERE room = $1 AND left_at IS NULL`,
        [name, at],
      );
      return;
    }
    const p = event.participant;
    // Recorders, ingress and agents are not audience.
    if (!p?.sid || !p.identity || (p.kind as number) !== STANDARD_PARTICIPANT) return;
    const session = await manager
      .getRepository(Session)
      .existsBy({ id: room.sessionId, eventId: room.eventId });
    if (!session) return;
    const joinedAt =
      (p.joinedAtMs > 0n ? new Date(Number(p.joinedAtMs)) : seconds(p.joinedAt)) ?? at;
    // The identity is the user id Plenum put in the token; the link to the account is what the
    // personal-data export and the retention job follow.
    const values = [room.eventId, room.sessionId, name, p.sid, p.identity.slice(0, 200), joinedAt];
    switch (event.event) {
      case 'participant_joined':
        await manager.query(
          `INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, user_id)
           VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE id::text = $7))
           ON CONFLICT (participant_sid)
           DO UPDATE SET joined_at = LEAST(attendance_intervals.joined_at, EXCLUDED.joined_at)`,
          [...values, p.identity],
        );
        return;
      case 'participant_left':
      case 'participant_connection_aborted':
        // A leave may overtake its join; then the interval is written from the leave, and the
        // join, when it comes, only moves the start back.
        await manager.query(
          `INSERT INTO attendance_intervals (event_id, session_id, room, participant_sid, identity, joined_at, left_at, user_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM users WHERE id::text = $8))
           ON CONFLICT (participant_sid) DO UPDATE SET left_at = EXCLUDED.left_at
           WHERE attendance_intervals.left_at IS NULL`,
          [...values, at, p.identity],
        );
        return;
      default:
        return;
    }
  }

  async figures(principal: Principal, slug: string, sessionId: string): Promise<SessionAttendance> {
    const { event } = await this.permissions.eventFor(principal, slug, 'session.moderate', {
      sessionId,
    });
    const session = await this.sessions.findOneBy({ id: sessionId, eventId: event.id });
    if (!session) throw PlenumError.notFound('Session not found');
    const rows = await this.intervals.find({
      where: { sessionId: session.id },
      select: ['identity', 'joinedAt', 'leftAt'],
    });
    const figures = attendanceFigures(rows, new Date());
    return {
      sessionId: session.id,
      ...figures,
      peakAt: figures.peakAt?.toISOString() ?? null,
    };
  }
}
