import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SessionKind } from '@plenum/contracts';
import { Booth, Event, Session, User } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What a room's place is: the event it belongs to, and for sessions their kind. */
export interface SessionPlaceRow {
  id: string;
  eventId: string;
  kind: SessionKind;
}

/** Who is on a socket, the places its rooms stand for, and the stays written for reports. */
@Injectable()
export class LiveRepository {
  constructor(private readonly db: DataSource) {}

  /** The account behind a socket's token, with what the handshake checks. */
  @GenerateSql({ params: [SQL_UUID] })
  user(id: string): Promise<Pick<User, 'id' | 'displayName' | 'disabledAt'> | null> {
    return this.db
      .getRepository(User)
      .findOne({ where: { id }, select: ['id', 'displayName', 'disabledAt'] });
  }

  @GenerateSql({ params: [SQL_UUID] })
  eventExists(id: string): Promise<boolean> {
    return this.db.getRepository(Event).existsBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  session(id: string): Promise<SessionPlaceRow | null> {
    return this.db
      .getRepository(Session)
      .findOne({ where: { id }, select: ['id', 'eventId', 'kind'] });
  }

  @GenerateSql({ params: [SQL_UUID] })
  booth(id: string): Promise<Pick<Booth, 'id' | 'eventId'> | null> {
    return this.db.getRepository(Booth).findOne({ where: { id }, select: ['id', 'eventId'] });
  }

  /**
   * Whether the person is in the workshop's own audience: a membership scoped to it, a speaker
   * profile with the part `host` on it, or a confirmed registration (the waitlist is not).
   */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async inWorkshop(sessionId: string, userId: string): Promise<boolean> {
    const [row] = await this.db.query<Array<{ found: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM memberships WHERE session_id = $1 AND user_id = $2)
           OR EXISTS (SELECT 1 FROM session_speakers link JOIN speakers sp ON sp.id = link.speaker_id
                       WHERE link.session_id = $1 AND link.part = 'host' AND sp.user_id = $2)
           OR EXISTS (SELECT 1 FROM workshop_registrations
                       WHERE session_id = $1 AND user_id = $2 AND status = 'confirmed') AS found`,
      [sessionId, userId],
    );
    return row?.found ?? false;
  }

  /** Opens a stay in a room; its id closes it. */
  @GenerateSql({ params: [SQL_UUID, `session:${SQL_UUID}`, SQL_UUID] })
  async openStay(eventId: string, room: string, userId: string): Promise<string | null> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO presence_intervals (event_id, room, user_id, entered_at)
       VALUES ($1, $2, $3, now()) RETURNING id`,
      [eventId, room.slice(0, 80), userId],
    );
    return rows[0]?.id ?? null;
  }

  @GenerateSql({ params: [[SQL_UUID]] })
  async closeStays(ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE presence_intervals SET left_at = now() WHERE id = ANY($1) AND left_at IS NULL`,
      [ids],
    );
  }
}
