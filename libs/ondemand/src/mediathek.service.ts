import { Injectable } from '@nestjs/common';
import type {
  AnsweredQuestion,
  Mediathek,
  OnDemandSession,
  SessionOnDemand,
} from '@plenum/contracts';
import type { Event, Session } from '@plenum/db';
import type { ViewerAccess } from '@plenum/identity';
import { ImpressionsService } from './impressions.service';
import { OnDemandAccessService, hasEnded } from './ondemand-access.service';
import { OnDemandRepository } from './ondemand.repository';
import { RecordingsService } from './recordings.service';
import { SlidesService } from './slides.service';

/** What comes after a session or the congress: replays, slides, answered questions, photos. */
@Injectable()
export class MediathekService {
  constructor(
    private readonly access: OnDemandAccessService,
    private readonly recordings: RecordingsService,
    private readonly slides: SlidesService,
    private readonly impressions: ImpressionsService,
    private readonly media: OnDemandRepository,
  ) {}

  /** Every ended session with a replay or slides, by start time, and the photo gallery. */
  async mediathek({ event }: ViewerAccess): Promise<Mediathek> {
    const now = new Date();
    const candidates = (await this.media.mediathekSessions(event.id)).filter((s) =>
      hasEnded(s, now),
    );
    const views = await this.views(event, candidates);
    return {
      mediaAccess: event.mediaAccess,
      timeZone: event.timeZone,
      sessions: views.filter((v) => v.replay || v.slides.length > 0),
      impressions: await this.impressions.of(event),
    };
  }

  /** One session's page: the replay only once it has ended; slides whenever there are some. */
  async session(access: ViewerAccess & { session: Session }): Promise<SessionOnDemand> {
    const { event, session } = access;
    const [view] = await this.views(event, [session]);
    const ended = hasEnded(session);
    // Visitors hold no roles, so `can` says no for them.
    return {
      ...view!,
      replay: ended ? view!.replay : null,
      answeredQuestions: ended ? await this.answered(session.id) : [],
      mayUploadSlides: access.can('slides.share'),
      mayManageRecordings: access.can('programme.edit'),
    };
  }

  private async answered(sessionId: string): Promise<AnsweredQuestion[]> {
    const rows = await this.media.answeredQuestions(sessionId);
    return rows.map((q) => ({
      id: q.id,
      body: q.body,
      author: q.anonymous ? null : (q.author?.displayName ?? null),
      voteCount: q.voteCount,
      answeredAt: q.answeredAt?.toISOString() ?? null,
    }));
  }

  private async views(event: Event, sessions: Session[]): Promise<OnDemandSession[]> {
    const ids = sessions.map((s) => s.id);
    const [replays, slides, stages, speakers] = await Promise.all([
      this.recordings.replays(event, ids),
      this.slides.of(event, ids),
      this.media.stages(event.id),
      this.media.sessionSpeakers(ids),
    ]);
    const stageNames = new Map(stages.map((s) => [s.id, s.name]));
    return sessions.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      state: s.state,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      stageId: s.stageId,
      stageName: s.stageId ? (stageNames.get(s.stageId) ?? null) : null,
      speakers: speakers
        .filter((p) => p.sessionId === s.id)
        .map((p) => p.speaker?.name ?? '')
        .filter(Boolean),
      replay: replays.get(s.id) ?? null,
      slides: slides.get(s.id) ?? [],
    }));
  }
}
