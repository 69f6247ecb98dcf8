import { Inject, Injectable } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { renderCalendar } from '@plenum/platform';
import type { ProgrammeData } from './programme-reader.service';

/** Turns programme sessions into an iCalendar document in the event's time zone. */
@Injectable()
export class CalendarService {
  constructor(@Inject(PLENUM_CONFIG) private readonly config: PlenumConfig) {}

  render(data: ProgrammeData, name: string): string {
    const base = this.config.publicUrl.replace(/\/$/, '');
    const stages = new Map(data.stages.map((s) => [s.id, s.name]));
    const tracks = new Map(data.tracks.map((t) => [t.id, t.name]));
    const names = new Map(data.speakers.map((s) => [s.id, s.name]));
    return renderCalendar({
      name,
      timeZone: data.event.timeZone,
      entries: data.sessions.map((s) => {
        const people = (data.links.get(s.id) ?? []).map((l) => names.get(l.speakerId) ?? '');
        const track = s.trackId ? tracks.get(s.trackId) : undefined;
        return {
          // The guid never changes, so a moved or cancelled session updates the same entry.
          uid: `${s.guid}@plenum`,
          sequence: s.sequence,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          summary: s.title,
          description: [people.filter(Boolean).join(', '), s.abstract].filter(Boolean).join('\n\n'),
          location: s.stageId ? (stages.get(s.stageId) ?? null) : null,
          url: `${base}/e/${encodeURIComponent(data.event.slug)}/programme/sessions/${s.id}`,
          categories: [s.kind, ...(track ? [track] : [])],
          cancelled: s.state === 'cancelled',
          lastModified: s.updatedAt,
        };
      }),
    });
  }
}
