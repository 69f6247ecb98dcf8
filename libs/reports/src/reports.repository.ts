import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

export interface ReportSessionRow {
  id: string;
  title: string;
  kind: string;
  stage: string | null;
  starts_at: Date;
  ends_at: Date;
}

/** One person's stay in a session's room; `person` is a user id or an `anon:` pseudonym. */
export interface ReportStayRow {
  session_id: string;
  person: string;
  joined_at: Date;
  left_at: Date | null;
}

export interface ReportQuestionCountRow {
  session_id: string;
  asked: string;
  answered: string;
}

export interface ReportPollCountRow {
  session_id: string;
  polls: string;
  ballots: string;
  participants: string;
}

export interface ReportBoothRow {
  id: string;
  organisation: string;
  visits: string;
  unique_visitors: string;
  seconds: string;
  conversations: string;
  leads: string;
}

export interface ReportWorkshopRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  confirmed: string;
  waitlisted: string;
  attended: string;
}

/** The records the organizers' report counts, read per event (counts come back as strings). */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /** The event's talks and panels: no breaks, no expo slots, nothing cancelled. */
  @GenerateSql({ params: [SQL_UUID] })
  sessions(eventId: string): Promise<ReportSessionRow[]> {
    return this.db.query(
      `SELECT s.id, s.title, s.kind, st.name AS stage, s.starts_at, s.ends_at
       FROM sessions s LEFT JOIN stages st ON st.id = s.stage_id
       WHERE s.event_id = $1 AND s.kind NOT IN ('break', 'expo') AND s.state <> 'cancelled'
       ORDER BY s.starts_at, st.position, s.title`,
      [eventId],
    );
  }

  /** LiveKit webhook attendance in the sessions' video rooms. */
  @GenerateSql({ params: [SQL_UUID] })
  videoStays(eventId: string): Promise<ReportStayRow[]> {
    return this.db.query(
      `SELECT session_id, coalesce(user_id::text, identity) AS person, joined_at, left_at
       FROM attendance_intervals WHERE event_id = $1`,
      [eventId],
    );
  }

  /** Socket.IO presence in the `session:<id>` rooms. */
  @GenerateSql({ params: [SQL_UUID] })
  pageStays(eventId: string): Promise<ReportStayRow[]> {
    return this.db.query(
      `SELECT substr(room, 9) AS session_id,
              coalesce(user_id::text, 'anon:' || pseudonym::text) AS person,
              entered_at AS joined_at, left_at
       FROM presence_intervals WHERE event_id = $1 AND room LIKE 'session:%'`,
      [eventId],
    );
  }

  @GenerateSql({ params: [SQL_UUID] })
  questionCounts(eventId: string): Promise<ReportQuestionCountRow[]> {
    return this.db.query(
      `SELECT session_id, count(*) AS asked,
              count(*) FILTER (WHERE state = 'answered') AS answered
       FROM questions WHERE event_id = $1 GROUP BY session_id`,
      [eventId],
    );
  }

  /** Polls that were opened, their ballots and the people who voted. */
  @GenerateSql({ params: [SQL_UUID] })
  pollCounts(eventId: string): Promise<ReportPollCountRow[]> {
    return this.db.query(
      `SELECT p.session_id, count(DISTINCT p.id) AS polls, count(v.user_id) AS ballots,
              count(DISTINCT v.user_id) AS participants
       FROM polls p LEFT JOIN poll_votes v ON v.poll_id = p.id
       WHERE p.event_id = $1 AND p.state <> 'draft'
       GROUP BY p.session_id`,
      [eventId],
    );
  }

  /** Per booth: visits, unique visitors, seconds spent, accepted conversations, live leads. */
  @GenerateSql({ params: [SQL_UUID] })
  booths(eventId: string): Promise<ReportBoothRow[]> {
    return this.db.query(
      `SELECT b.id, b.organisation,
         (SELECT count(*) FROM booth_visits v WHERE v.booth_id = b.id) AS visits,
         (SELECT count(DISTINCT coalesce(v.user_id, v.pseudonym)) FROM booth_visits v
            WHERE v.booth_id = b.id) AS unique_visitors,
         (SELECT coalesce(sum(extract(epoch FROM v.last_seen_at - v.started_at)), 0)
            FROM booth_visits v WHERE v.booth_id = b.id) AS seconds,
         (SELECT count(*) FROM booth_conversations c
            WHERE c.booth_id = b.id AND c.accepted_at IS NOT NULL) AS conversations,
         (SELECT count(*) FROM leads l WHERE l.booth_id = b.id AND l.withdrawn_at IS NULL) AS leads
       FROM booths b WHERE b.event_id = $1
       ORDER BY b.position, b.organisation`,
      [eventId],
    );
  }

  /** Per workshop: confirmed and waitlisted seats, and the confirmed who joined its video room. */
  @GenerateSql({ params: [SQL_UUID] })
  workshops(eventId: string): Promise<ReportWorkshopRow[]> {
    return this.db.query(
      `SELECT s.id, s.title, s.starts_at, s.ends_at, s.capacity,
         count(r.id) FILTER (WHERE r.status = 'confirmed') AS confirmed,
         count(r.id) FILTER (WHERE r.status = 'waitlisted') AS waitlisted,
         count(r.id) FILTER (WHERE r.status = 'confirmed' AND EXISTS (
           SELECT 1 FROM attendance_intervals a
           WHERE a.session_id = s.id AND a.user_id = r.user_id)) AS attended
       FROM sessions s
       LEFT JOIN workshop_registrations r ON r.session_id = s.id
       WHERE s.event_id = $1 AND s.kind = 'workshop' AND s.state <> 'cancelled'
       GROUP BY s.id
       ORDER BY s.starts_at, s.title`,
      [eventId],
    );
  }

  /** When the event's attendance records were anonymised, if they were. */
  @GenerateSql({ params: [SQL_UUID] })
  async attendanceAnonymisedAt(eventId: string): Promise<Date | null> {
    const rows = await this.db.query<Array<{ at: Date | null }>>(
      `SELECT attendance_anonymised_at AS at FROM event_privacy_settings WHERE event_id = $1`,
      [eventId],
    );
    return rows[0]?.at ?? null;
  }
}
