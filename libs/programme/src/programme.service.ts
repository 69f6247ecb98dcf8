import { Injectable } from '@nestjs/common';
import type { NowNext, Programme, SessionSummary } from '@plenum/contracts';
import { timeZoneSchema } from '@plenum/contracts';
import type { Event, Session, SessionSpeaker } from '@plenum/db';
import { addDays, PlenumError } from '@plenum/platform';
import { ProgrammeCache } from './programme-cache.service';
import type { CachedBody } from './programme-cache.service';
import { ProgrammeReader, sessionViews, toSpeakerView } from './programme-reader.service';
import { ProgrammeRepository } from './programme.repository';

const NEXT_WINDOW_MS = 3 * 3_600_000;

const programmeKey = (eventId: string, timeZone: string | undefined) =>
  `${eventId}|${timeZone ?? ''}`;

@Injectable()
export class ProgrammeService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly reader: ProgrammeReader,
    private readonly cache: ProgrammeCache,
  ) {}

  // Slugs never change, so the id behind one is cached for good (until restart).
  private readonly eventIds = new Map<string, string>();

  /**
   * The public programme as cached bytes. `timeZone` chooses the zone of the `local` fields
   * (the viewer's own zone, on request); by default it is the event's.
   */
  async cachedProgramme(slug: string, timeZone: string | undefined): Promise<CachedBody> {
    if (timeZone !== undefined && !timeZoneSchema.safeParse(timeZone).success) {
      throw PlenumError.validation([
        { path: 'timeZone', message: 'Unknown time zone (use an IANA name such as Europe/Berlin)' },
      ]);
    }
    let eventId = this.eventIds.get(slug);
    if (!eventId) {
      eventId = (await this.reader.eventBySlug(slug)).id;
      this.eventIds.set(slug, eventId);
    }
    return this.cache.get(programmeKey(eventId, timeZone), eventId, () =>
      this.programme(slug, timeZone),
    );
  }

  /** The cached programme if it is there and fresh, without waiting for anything. */
  cachedProgrammeIfFresh(slug: string, timeZone: string | undefined): CachedBody | undefined {
    const eventId = this.eventIds.get(slug);
    return eventId === undefined ? undefined : this.cache.peek(programmeKey(eventId, timeZone));
  }

  async programme(slug: string, timeZone?: string): Promise<Programme> {
    const event = await this.reader.eventBySlug(slug);
    const data = await this.reader.load(event);
    const zone = timeZone ?? event.timeZone;
    const sessions = sessionViews(data, zone);
    return {
      eventId: event.id,
      slug: event.slug,
      timeZone: zone,
      eventTimeZone: event.timeZone,
      days: programmeDays(
        event,
        sessions.map((s) => s.local.day),
        zone,
      ),
      stages: data.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
      tracks: data.tracks.map((t) => ({ id: t.id, name: t.name, color: t.color })),
      speakers: data.speakers.map(toSpeakerView),
      sessions,
    };
  }

  /**
   * What is on now (live, or scheduled and under way) and what starts within the next three hours
   * (at least the next few sessions, so the strip is never empty while anything is still to come).
   */
  async nowNext(slug: string, at = new Date()): Promise<NowNext> {
    const event = await this.reader.eventBySlug(slug);
    const now = await this.repository.sessionsOnAt(event.id, at);
    const upcoming = await this.repository.sessionsStartingAfter(event.id, at, 12);
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
    const links = await this.repository.speakerLinksOf(
      sessions.map((s) => s.id),
      true,
    );
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

/** The event's days plus any day a session falls on outside them, in order. */
function programmeDays(event: Event, sessionDays: string[], timeZone: string): string[] {
  const days = new Set(sessionDays);
  // In the event's own zone, the event's calendar days are listed even when still empty.
  if (timeZone === event.timeZone) {
    for (let d = event.startsOn; d <= event.endsOn; d = addDays(d, 1)) days.add(d);
  }
  return [...days].sort();
}
