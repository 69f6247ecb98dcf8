import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { EntityManager } from 'typeorm';
import type { SessionAttendance, WebhookOutcome } from '@plenum/contracts';
import type { Session } from '@plenum/db';
import { attendanceFigures } from './attendance-figures';
import { AttendanceRepository } from './attendance.repository';
import { LiveKitWebhookHandlers } from './livekit-webhook-handlers';
import { parseVideoRoomName } from './video-room-names';

export type { WebhookOutcome } from '@plenum/contracts';

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
    private readonly attendance: AttendanceRepository,
    private readonly handlers: LiveKitWebhookHandlers,
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
    return this.attendance.transaction(async (manager) => {
      const fresh = await this.attendance.markProcessed(manager, {
        id,
        event: event.event.slice(0, 40),
        room: roomName?.slice(0, 200) ?? null,
      });
      if (!fresh) {
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
      await this.attendance.closeRoom(manager, name, at);
      return;
    }
    const p = event.participant;
    // Recorders, ingress and agents are not audience.
    if (!p?.sid || !p.identity || (p.kind as number) !== STANDARD_PARTICIPANT) return;
    if (!(await this.attendance.sessionInEvent(manager, room.eventId, room.sessionId))) return;
    const joinedAt =
      (p.joinedAtMs > 0n ? new Date(Number(p.joinedAtMs)) : seconds(p.joinedAt)) ?? at;
    const connection = {
      eventId: room.eventId,
      sessionId: room.sessionId,
      room: name,
      participantSid: p.sid,
      identity: p.identity.slice(0, 200),
      userRef: p.identity,
      joinedAt,
    };
    switch (event.event) {
      case 'participant_joined':
        await this.attendance.joined(manager, connection);
        return;
      case 'participant_left':
      case 'participant_connection_aborted':
        await this.attendance.left(manager, connection, at);
        return;
      default:
        return;
    }
  }

  /** The figures of the session's room (the access guard found the session in the event). */
  async figures(session: Session): Promise<SessionAttendance> {
    const figures = attendanceFigures(await this.attendance.connectionsOf(session.id), new Date());
    return {
      sessionId: session.id,
      ...figures,
      peakAt: figures.peakAt?.toISOString() ?? null,
    };
  }
}
