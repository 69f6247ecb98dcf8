import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BoothVisit } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** A page left open longer than this without reporting back no longer adds time. */
const HEARTBEAT_GAP = '2 minutes';

/** A booth's figures as PostgreSQL counts them (bigint counts arrive as strings). */
export interface BoothStatsRow {
  booth_id: string;
  organisation: string;
  views: string;
  unique_visitors: string;
  seconds_spent: string;
  chat_messages: string;
  conversations: string;
}

export interface HourlyViewsRow {
  booth_id: string;
  hour: Date;
  views: string;
}

/** Booth views and the counts made of them: never who visited. */
@Injectable()
export class VisitsRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async start(boothId: string, userId: string): Promise<string> {
    const visits = this.db.getRepository(BoothVisit);
    const visit = await visits.save(visits.create({ boothId, userId }));
    return visit.id;
  }

  /** Only the visitor's own visit, and only while the page kept reporting, moves on. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, SQL_UUID] })
  async heartbeat(visitId: string, boothId: string, userId: string): Promise<void> {
    await this.db.query(
      `UPDATE booth_visits SET last_seen_at = now()
       WHERE id = $1 AND booth_id = $2 AND user_id = $3
         AND last_seen_at > now() - interval '${HEARTBEAT_GAP}'`,
      [visitId, boothId, userId],
    );
  }

  /** Per booth of the event (or the one booth): views, visitors, time, chat, conversations. */
  @GenerateSql(
    { name: 'event', params: [SQL_UUID] },
    { name: 'booth', params: [SQL_UUID, SQL_UUID] },
  )
  stats(eventId: string, boothId?: string): Promise<BoothStatsRow[]> {
    return this.db.query<BoothStatsRow[]>(
      `SELECT b.id AS booth_id, b.organisation,
         (SELECT count(*) FROM booth_visits v WHERE v.booth_id = b.id) AS views,
         (SELECT count(DISTINCT coalesce(v.user_id, v.pseudonym)) FROM booth_visits v
            WHERE v.booth_id = b.id)
           AS unique_visitors,
         (SELECT coalesce(sum(extract(epoch FROM v.last_seen_at - v.started_at)), 0)
            FROM booth_visits v WHERE v.booth_id = b.id) AS seconds_spent,
         (SELECT count(*) FROM chat_messages m
            WHERE m.room = 'booth:' || b.id AND m.deleted_at IS NULL) AS chat_messages,
         (SELECT count(*) FROM booth_conversations c
            WHERE c.booth_id = b.id AND c.accepted_at IS NOT NULL) AS conversations
       FROM booths b
       WHERE b.event_id = $1 AND ($2::uuid IS NULL OR b.id = $2)
       ORDER BY b.position, b.organisation`,
      [eventId, boothId ?? null],
    );
  }

  /** Views per booth and hour over the last 24 hours, oldest first. */
  @GenerateSql(
    { name: 'event', params: [SQL_UUID] },
    { name: 'booth', params: [SQL_UUID, SQL_UUID] },
  )
  hourly(eventId: string, boothId?: string): Promise<HourlyViewsRow[]> {
    return this.db.query<HourlyViewsRow[]>(
      `SELECT b.id AS booth_id, h.hour, count(v.id) AS views
       FROM booths b
       CROSS JOIN generate_series(date_trunc('hour', now()) - interval '23 hours',
                                  date_trunc('hour', now()), interval '1 hour') AS h(hour)
       LEFT JOIN booth_visits v
         ON v.booth_id = b.id AND v.started_at >= h.hour AND v.started_at < h.hour + interval '1 hour'
       WHERE b.event_id = $1 AND ($2::uuid IS NULL OR b.id = $2)
       GROUP BY b.id, h.hour
       ORDER BY h.hour`,
      [eventId, boothId ?? null],
    );
  }
}
