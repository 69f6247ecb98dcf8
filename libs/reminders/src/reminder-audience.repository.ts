import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NotificationChannel, Role } from '@plenum/contracts';
import type { Session } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

export interface AudienceMember {
  userId: string;
  enabled: boolean;
  /** null: the event's offsets. */
  offsetsMinutes: number[] | null;
  channels: NotificationChannel[];
}

interface AudienceRow {
  user_id: string;
  enabled: boolean;
  offsets_minutes: number[] | null;
  channels: NotificationChannel[];
}

const PREFERENCES = `
  SELECT u.id AS user_id, COALESCE(p.enabled, true) AS enabled, p.offsets_minutes,
         COALESCE(p.channels, '{in-app,email}'::varchar[]) AS channels
  FROM audience au
  JOIN users u ON u.id = au.user_id AND u.disabled_at IS NULL
  LEFT JOIN reminder_preferences p ON p.user_id = u.id AND p.event_id = $1
  WHERE u.id > $2
  ORDER BY u.id
  LIMIT $3`;

/**
 * Who hears about a session or an announcement, one keyset page at a time with each person's
 * preferences. A session's audience is a UNION of sources: personal agendas, a workshop's
 * confirmed registrants and, for keynotes, everyone who opted in to all keynotes.
 */
@Injectable()
export class ReminderAudienceRepository {
  constructor(private readonly dataSource: DataSource) {}

  @GenerateSql({ params: [{ id: SQL_UUID, eventId: SQL_UUID, kind: 'keynote' }, SQL_UUID, 500] })
  async sessionPage(
    session: Pick<Session, 'id' | 'eventId' | 'kind'>,
    afterUserId: string,
    size: number,
  ): Promise<AudienceMember[]> {
    const rows = await this.dataSource.query<AudienceRow[]>(
      `WITH audience AS (
         SELECT a.user_id FROM agenda_items a WHERE a.session_id = $4
         UNION
         SELECT r.user_id FROM workshop_registrations r
         WHERE r.session_id = $4 AND r.status = 'confirmed'
         UNION
         SELECT k.user_id FROM reminder_preferences k
         WHERE k.event_id = $1 AND k.all_keynotes AND $5::text = 'keynote'
       )${PREFERENCES}`,
      [session.eventId, afterUserId, size, session.id, session.kind],
    );
    return rows.map(toMember);
  }

  /** One person, with their preferences (a page of one, so the fan-out walks it like the rest). */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, SQL_UUID, 500] })
  async personPage(
    eventId: string,
    userId: string,
    afterUserId: string,
    size: number,
  ): Promise<AudienceMember[]> {
    const rows = await this.dataSource.query<AudienceRow[]>(
      `WITH audience AS (SELECT $4::uuid AS user_id)${PREFERENCES}`,
      [eventId, afterUserId, size, userId],
    );
    return rows.map(toMember);
  }

  @GenerateSql({ params: [SQL_UUID, 'attendee', SQL_UUID, 500] })
  async eventPage(
    eventId: string,
    role: Role | null,
    afterUserId: string,
    size: number,
  ): Promise<AudienceMember[]> {
    const rows = await this.dataSource.query<AudienceRow[]>(
      `WITH audience AS (
         SELECT DISTINCT m.user_id FROM memberships m
         WHERE m.event_id = $1 AND ($4::text IS NULL OR m.role::text = $4::text)
       )${PREFERENCES}`,
      [eventId, afterUserId, size, role],
    );
    return rows.map(toMember);
  }
}

function toMember(row: AudienceRow): AudienceMember {
  return {
    userId: row.user_id,
    enabled: row.enabled,
    offsetsMinutes: row.offsets_minutes,
    channels: row.channels,
  };
}

/** Lower than any uuid, to start a keyset walk. */
export const FIRST_USER = '00000000-0000-0000-0000-000000000000';
