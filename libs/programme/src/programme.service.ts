import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import type { NowNext, SessionSummary } from '@plenum/contracts';
import { Event, Session, SessionSpeaker } from '@plenum/db';
import { PlenumError } from '@plenum/platform';

const NEXT_WINDOW_MS = 3 * 3_600_000;

@Injectable()
export class ProgrammeService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(SessionSpeaker) private readonly sessionSpeakers: Repository<SessionSpeaker>,
  ) {}

  /**
   * What is on now (live, or scheduled and under way) and what starts within the next three hours
   * (at least the next few sessions, so the strip is never empty while anything is still to come).
   */
  async nowNext(slug: string, at = new Date()): Promise<NowNext> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw PlenumError.notFound('Event not found');
    const now = await this.sessions
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.stage', 'stage')
      .where('s.event_id = :eventId', { eventId: event.id })
      .andWhere("s.kind <> 'break'")
      .andWhere(
        "(s.state = 'live' OR (s.state = 'scheduled' AND s.starts_at <= :at AND s.ends_at > :at))",
        { at },
      )
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('stage.position', 'ASC')
      .getMany();
    const upcoming = await this.sessions
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.stage', 'stage')
      .where('s.event_id = :eventId', { eventId: event.id })
      .andWhere("s.kind <> 'break'")
      .andWhere("s.state = 'scheduled'")
      .andWhere('s.starts_at > :at', { at })
      .orderBy('s.starts_at', 'ASC')
      .addOrderBy('stage.position', 'ASC')
      .limit(12)
      .getMany();
    const horizon = at.getTime() + NEXT_WINDOW_MS;
    const next = upcoming.filter((s, i) => i < 3 || s.startsAt.getTime() <= horizon);
    const summaries = await this.summaries([...now, ...next]);
    return {
      at: at.toISOString(),
      now: now.map((s) => summaries.get(s.id)).filter((s): s is SessionSummary => Boolean(s)),
      next: next.map((s) => summaries.get(s.id)).filter((s): s is SessionSummary => Boolean(s)),
    };
  }

  private async summaries(sessions: Session[]): Promise<Map<string, SessionSummary>> {
    const links = sessions.length
      ? await this.sessionSpeakers.find({
          where: { sessionId: In(sessions.map((s) => s.id)) },
          relations: { speaker: true },
          order: { position: 'ASC' },
        })
      : [];
    const bySession = new Map<string, SessionSpeaker[]>();
    for (const link of links) {
      const list = bySession.get(link.sessionId) ?? [];
      list.push(link);
      bySession.set(link.sessionId, list);
    }
    return new Map(
      sessions.map((s) => [
        s.id,
        {
          id: s.id,
          title: s.title,
          kind: s.kind,
          state: s.state,
          startsAt: s.startsAt.toISOString(),
          endsAt: s.endsAt.toISOString(),
          stage: s.stage ? { id: s.stage.id, name: s.stage.name } : null,
          speakers: (bySession.get(s.id) ?? []).map((l) => ({
            id: l.speakerId,
            name: l.speaker?.name ?? '',
            part: l.part,
          })),
        },
      ]),
    );
  }
}
