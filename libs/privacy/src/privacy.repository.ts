import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { EventPrivacySettings } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

export interface AnonymisedCounts {
  attendance: number;
  presence: number;
  boothVisits: number;
}

/** The attendance records' retention: each event's setting, which events are due, and their anonymisation. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The event's privacy settings; null while the organizers set none. */
  @GenerateSql({ params: [SQL_UUID] })
  settings(eventId: string): Promise<EventPrivacySettings | null> {
    return this.db.getRepository(EventPrivacySettings).findOneBy({ eventId });
  }

  /** Sets how long the event's attendance records are kept (null: until deleted by hand). */
  @GenerateSql({ params: [SQL_UUID, 30] })
  async saveRetention(eventId: string, attendanceRetentionDays: number | null): Promise<void> {
    await this.db
      .getRepository(EventPrivacySettings)
      .upsert({ eventId, attendanceRetentionDays }, ['eventId']);
  }

  /**
   * When attendance is anonymised: the end of the event's last day (`endsOn`) in its own time
   * zone, plus the period.
   */
  @GenerateSql({ params: ['2026-05-06', 30, 'Europe/Berlin'] })
  async anonymiseAfter(endsOn: string, days: number, timeZone: string): Promise<Date | null> {
    const rows = await this.db.query<Array<{ at: Date }>>(
      `SELECT (($1::date + 1 + $2::int)::timestamp AT TIME ZONE $3) AS at`,
      [endsOn, days, timeZone],
    );
    return rows[0]?.at ?? null;
  }

  /**
   * Events whose attendance retention period is over at `now`: it counts from the end of the
   * event's last day in its own time zone.
   */
  @GenerateSql({ params: [new Date('2026-05-04T10:00:00Z')] })
  async eventsDueForAnonymisation(now: Date): Promise<string[]> {
    const due = await this.db.query<Array<{ event_id: string }>>(
      `SELECT s.event_id FROM event_privacy_settings s JOIN events e ON e.id = s.event_id
       WHERE s.attendance_retention_days IS NOT NULL
         AND ((e.ends_on + 1 + s.attendance_retention_days)::timestamp AT TIME ZONE e.time_zone)
             <= $1`,
      [now],
    );
    return due.map((d) => d.event_id);
  }

  /** Notes when the event's attendance was first anonymised (a later run keeps the first time). */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, new Date('2026-05-04T10:00:00Z')] })
  async markAttendanceAnonymised(manager: EntityManager, eventId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE event_privacy_settings SET attendance_anonymised_at = coalesce(attendance_anonymised_at, $2)
       WHERE event_id = $1`,
      [eventId, at],
    );
  }

  /**
   * Replaces the person in attendance records (LiveKit attendance, socket presence, booth
   * visits) with a random pseudonym, one per person and event, drawn here and stored nowhere
   * else: reports still count unique people, but nobody can tell who they were. Limited to one
   * event, one person, or both.
   */
  @GenerateSql(
    { name: 'event', params: [SQL_MANAGER, { eventId: SQL_UUID }] },
    { name: 'person', params: [SQL_MANAGER, { userId: SQL_UUID }] },
  )
  async anonymiseAttendance(
    manager: EntityManager,
    scope: { eventId?: string; userId?: string },
  ): Promise<AnonymisedCounts> {
    const rows = await manager.query<Array<{ a: string; p: string; v: string }>>(
      `WITH stays AS (
         SELECT event_id, coalesce(user_id::text, identity) AS person FROM attendance_intervals
          WHERE identity NOT LIKE 'anon:%'
         UNION
         SELECT event_id, user_id::text FROM presence_intervals WHERE user_id IS NOT NULL
         UNION
         SELECT b.event_id, v.user_id::text FROM booth_visits v JOIN booths b ON b.id = v.booth_id
          WHERE v.user_id IS NOT NULL
       ),
       people AS MATERIALIZED (
         SELECT event_id, person, gen_random_uuid() AS pseudonym FROM stays
          WHERE ($1::uuid IS NULL OR event_id = $1) AND ($2::text IS NULL OR person = $2)
       ),
       a AS (
         UPDATE attendance_intervals t SET identity = 'anon:' || p.pseudonym, user_id = NULL
           FROM people p
          WHERE t.event_id = p.event_id AND coalesce(t.user_id::text, t.identity) = p.person
            AND t.identity NOT LIKE 'anon:%'
         RETURNING 1
       ),
       pr AS (
         UPDATE presence_intervals t SET pseudonym = p.pseudonym, user_id = NULL
           FROM people p
          WHERE t.event_id = p.event_id AND t.user_id::text = p.person
         RETURNING 1
       ),
       v AS (
         UPDATE booth_visits t SET pseudonym = p.pseudonym, user_id = NULL
           FROM people p, booths b
          WHERE b.id = t.booth_id AND b.event_id = p.event_id AND t.user_id::text = p.person
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM a) AS a, (SELECT count(*) FROM pr) AS p,
              (SELECT count(*) FROM v) AS v`,
      [scope.eventId ?? null, scope.userId ?? null],
    );
    const r = rows[0];
    return {
      attendance: Number(r?.a ?? 0),
      presence: Number(r?.p ?? 0),
      boothVisits: Number(r?.v ?? 0),
    };
  }
}
