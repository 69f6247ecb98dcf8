import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import type { SessionView, SpeakerView } from '@plenum/contracts';
import { Event, Session, SessionSpeaker, Speaker, Stage, Track } from '@plenum/db';
import { formatLocal, localDay, PlenumError } from '@plenum/platform';

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
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    @InjectRepository(Track) private readonly tracks: Repository<Track>,
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(SessionSpeaker) private readonly sessionSpeakers: Repository<SessionSpeaker>,
  ) {}

  async eventBySlug(slug: string): Promise<Event> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw PlenumError.notFound('Event not found');
    return event;
  }

  /** The whole programme, or only the given sessions (a personal agenda). */
  async load(event: Event, sessionIds?: string[]): Promise<ProgrammeData> {
    const sessionWhere = sessionIds
      ? { eventId: event.id, id: In(sessionIds) }
      : { eventId: event.id };
    const [stages, tracks, speakers, sessions] = await Promise.all([
      this.stages.find({ where: { eventId: event.id }, order: { position: 'ASC', name: 'ASC' } }),
      this.tracks.find({ where: { eventId: event.id }, order: { name: 'ASC' } }),
      this.speakers.find({ where: { eventId: event.id }, order: { name: 'ASC' } }),
      sessionIds && sessionIds.length === 0
        ? Promise.resolve([])
        : this.sessions.find({ where: sessionWhere, order: { startsAt: 'ASC', title: 'ASC' } }),
    ]);
    const linkRows = sessions.length
      ? await this.sessionSpeakers.find({
          where: { sessionId: In(sessions.map((s) => s.id)) },
          order: { position: 'ASC' },
        })
      : [];
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
