import { Injectable } from '@nestjs/common';
import type { SessionView, SpeakerView } from '@plenum/contracts';
import type { Event, Session, SessionSpeaker, Speaker, Stage, Track } from '@plenum/db';
import { formatLocal, localDay, PlenumError } from '@plenum/platform';
import { ProgrammeRepository } from './programme.repository';

/** Everything the programme views, feeds and exports are made from, loaded in a few queries. */
export interface ProgrammeData {
  event: Event;
  stages: Stage[];
  tracks: Track[];
  speakers: Speaker[];
  sessions: Session[];
  links: Map<string, SessionSpeaker[]>;
}

@Injectable()
export class ProgrammeReader {
  constructor(private readonly programme: ProgrammeRepository) {}

  async eventBySlug(slug: string): Promise<Event> {
    const event = await this.programme.eventBySlug(slug);
    if (!event) throw PlenumError.notFound('Event not found');
    return event;
  }

  /** The whole programme, or only the given sessions (a personal agenda). */
  async load(event: Event, sessionIds?: string[]): Promise<ProgrammeData> {
    const [stages, tracks, speakers, sessions] = await Promise.all([
      this.programme.stagesOf(event.id),
      this.programme.tracksOf(event.id),
      this.programme.speakersOf(event.id),
      this.programme.sessionsOf(event.id, sessionIds),
    ]);
    const linkRows = await this.programme.speakerLinksOf(sessions.map((s) => s.id));
    const links = new Map<string, SessionSpeaker[]>();
    for (const link of linkRows) {
      const list = links.get(link.sessionId) ?? [];
      list.push(link);
      links.set(link.sessionId, list);
    }
    const stageOrder = new Map(stages.map((s, i) => [s.id, i]));
    sessions.sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() ||
        (stageOrder.get(a.stageId ?? '') ?? 999) - (stageOrder.get(b.stageId ?? '') ?? 999) ||
        a.title.localeCompare(b.title),
    );
    return { event, stages, tracks, speakers, sessions, links };
  }
}

export function toSpeakerView(s: Speaker): SpeakerView {
  return {
    id: s.id,
    name: s.name,
    title: s.title,
    organisation: s.organisation,
    biography: s.biography,
    photoUrl: s.photoUrl,
    links: s.links,
  };
}

export function toSessionView(
  s: Session,
  links: SessionSpeaker[],
  speakerNames: Map<string, string>,
  timeZone: string,
): SessionView {
  return {
    id: s.id,
    guid: s.guid,
    title: s.title,
    kind: s.kind,
    state: s.state,
    abstract: s.abstract,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    local: {
      startsAt: formatLocal(s.startsAt, timeZone),
      endsAt: formatLocal(s.endsAt, timeZone),
      day: localDay(s.startsAt, timeZone),
    },
    stageId: s.stageId,
    trackId: s.trackId,
    capacity: s.capacity,
    streamUrl: s.streamUrl,
    sequence: s.sequence,
    speakers: links.map((l) => ({
      id: l.speakerId,
      name: speakerNames.get(l.speakerId) ?? '',
      part: l.part,
    })),
  };
}

export function sessionViews(data: ProgrammeData, timeZone: string): SessionView[] {
  const names = new Map(data.speakers.map((s) => [s.id, s.name]));
  return data.sessions.map((s) => toSessionView(s, data.links.get(s.id) ?? [], names, timeZone));
}
