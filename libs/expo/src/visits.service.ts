import { Injectable } from '@nestjs/common';
import type { BoothStatsView, BoothVisitView } from '@plenum/contracts';
import type { Booth } from '@plenum/db';
import type { BoothAccess } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { VisitsRepository } from './visits.repository';

@Injectable()
export class VisitsService {
  constructor(private readonly visits: VisitsRepository) {}

  /** Records a view; the booth's own staff looking at their booth are not visitors. */
  async start(access: BoothAccess): Promise<BoothVisitView> {
    if (access.can('booth.manage')) return { id: null };
    return { id: await this.visits.start(access.booth.id, access.principal.userId) };
  }

  heartbeat({ principal, booth }: BoothAccess, visitId: string): Promise<void> {
    return this.visits.heartbeat(visitId, booth.id, principal.userId);
  }

  async forBooth(booth: Booth): Promise<BoothStatsView> {
    const [stats] = await this.stats(booth.eventId, booth.id);
    if (!stats) throw PlenumError.notFound('Booth not found');
    return stats;
  }

  forEvent(eventId: string): Promise<BoothStatsView[]> {
    return this.stats(eventId);
  }

  private async stats(eventId: string, boothId?: string): Promise<BoothStatsView[]> {
    const [rows, hourly] = await Promise.all([
      this.visits.stats(eventId, boothId),
      this.visits.hourly(eventId, boothId),
    ]);
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
