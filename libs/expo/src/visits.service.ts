import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { BoothStatsView } from '@plenum/contracts';
import { Booth, BoothVisit } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { PermissionsService } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { BoothsService } from './booths.service';

/** A page left open longer than this without reporting back no longer adds time. */
const HEARTBEAT_GAP = '2 minutes';

interface StatsRow {
  booth_id: string;
  organisation: string;
  views: string;
  unique_visitors: string;
  seconds_spent: string;
  chat_messages: string;
  conversations: string;
}

@Injectable()
export class VisitsService {
  constructor(
    @InjectRepository(BoothVisit) private readonly visits: Repository<BoothVisit>,
    @InjectRepository(Booth) private readonly booths: Repository<Booth>,
    private readonly boothsService: BoothsService,
    private readonly permissions: PermissionsService,
  ) {}

  /** Records a view; the booth's own staff looking at their booth are not visitors. */
  async start(principal: Principal, slug: string, ref: string): Promise<{ id: string | null }> {
    const { event, memberships } = await this.boothsService.access(principal, slug);
    const booth = await this.boothsService.find(event, ref);
    if (this.permissions.allows(memberships, 'booth.manage', { boothId: booth.id })) {
      return { id: null };
    }
    const visit = await this.visits.save(
      this.visits.create({ boothId: booth.id, userId: principal.userId }),
    );
    return { id: visit.id };
  }

  async heartbeat(principal: Principal, slug: string, ref: string, visitId: string): Promise<void> {
    const { event } = await this.boothsService.access(principal, slug);
    const booth = await this.boothsService.find(event, ref);
    await this.visits.query(
      `UPDATE booth_visits SET last_seen_at = now()
       WHERE id = $1 AND booth_id = $2 AND user_id = $3
         AND last_seen_at > now() - interval '${HEARTBEAT_GAP}'`,
      [visitId, booth.id, principal.userId],
    );
  }

  async forBooth(principal: Principal, slug: string, ref: string): Promise<BoothStatsView> {
    const booth = await this.boothsService.manageable(principal, slug, ref);
    const [stats] = await this.stats(booth.eventId, booth.id);
    if (!stats) throw PlenumError.notFound('Booth not found');
    return stats;
  }

  async forEvent(principal: Principal, slug: string): Promise<BoothStatsView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.update');
    return this.stats(event.id);
  }

  private async stats(eventId: string, boothId?: string): Promise<BoothStatsView[]> {
    const rows = await this.booths.query<StatsRow[]>(
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
    const hourly = await this.booths.query<Array<{ booth_id: string; hour: Date; views: string }>>(
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
    return rows.map((r) => ({
      boothId: r.booth_id,
      organisation: r.organisation,
      views: Number(r.views),
      uniqueVisitors: Number(r.unique_visitors),
      secondsSpent: Math.round(Number(r.seconds_spent)),
      chatMessages: Number(r.chat_messages),
      conversations: Number(r.conversations),
      hourly: hourly
        .filter((h) => h.booth_id === r.booth_id)
        .map((h) => ({ hour: new Date(h.hour).toISOString(), views: Number(h.views) })),
    }));
  }
}
