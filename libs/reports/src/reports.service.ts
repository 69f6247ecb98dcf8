import { Injectable } from '@nestjs/common';
import type {
  BoothReportRow,
  EventReport,
  ReportTable,
  SessionReportRow,
  WorkshopReportRow,
} from '@plenum/contracts';
import type { Event } from '@plenum/db';
import { attendanceFigures } from '@plenum/video';
import type { RoomConnection } from '@plenum/video';
import type { CsvValue } from '@plenum/platform';
import { ReportsRepository } from './reports.repository';
import type { ReportStayRow } from './reports.repository';

/** The organizers' figures for one event, computed from the records on demand. */
@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  async report(event: Event, now = new Date()): Promise<EventReport> {
    const [sessions, booths, workshops, anonymisedAt] = await Promise.all([
      this.sessions(event.id, now),
      this.booths(event.id),
      this.workshops(event.id, now),
      this.reports.attendanceAnonymisedAt(event.id),
    ]);
    return {
      eventId: event.id,
      generatedAt: now.toISOString(),
      sessions,
      booths,
      workshops: anonymisedAt
        ? workshops.map((w) => ({ ...w, attended: null, noShows: null }))
        : workshops,
      attendanceAnonymisedAt: anonymisedAt?.toISOString() ?? null,
    };
  }

  /**
   * Viewers of each talk: LiveKit webhook attendance of its stage room and Socket.IO presence in
   * its `session:<id>` room, merged per person. Anonymised rows carry the same `anon:` key in
   * both sources, so a person stays one person after the retention period.
   */
  async sessions(eventId: string, now = new Date()): Promise<SessionReportRow[]> {
    const sessions = await this.reports.sessions(eventId);
    const [video, pages, questions, polls] = await Promise.all([
      this.reports.videoStays(eventId),
      this.reports.pageStays(eventId),
      this.reports.questionCounts(eventId),
      this.reports.pollCounts(eventId),
    ]);
    const bySession = (rows: ReportStayRow[]) => {
      const map = new Map<string, RoomConnection[]>();
      for (const r of rows) {
        const list = map.get(r.session_id) ?? [];
        list.push({ identity: r.person, joinedAt: r.joined_at, leftAt: r.left_at });
        map.set(r.session_id, list);
      }
      return map;
    };
    const videoBySession = bySession(video);
    const pagesBySession = bySession(pages);
    const questionsBySession = new Map(questions.map((q) => [q.session_id, q]));
    const pollsBySession = new Map(polls.map((p) => [p.session_id, p]));

    return sessions.map((s) => {
      const inVideo = videoBySession.get(s.id) ?? [];
      const onPage = pagesBySession.get(s.id) ?? [];
      // Stays still open after the session ended (an api instance that crashed never closed
      // them) end with the session.
      const cut = now > s.ends_at ? s.ends_at : now;
      const figures = attendanceFigures([...inVideo, ...onPage], cut);
      const q = questionsBySession.get(s.id);
      const p = pollsBySession.get(s.id);
      return {
        sessionId: s.id,
        title: s.title,
        kind: s.kind,
        stage: s.stage,
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        uniqueViewers: figures.uniqueViewers,
        videoViewers: new Set(inVideo.map((c) => c.identity)).size,
        pageViewers: new Set(onPage.map((c) => c.identity)).size,
        peakConcurrentViewers: figures.peakConcurrentViewers,
        minutesWatched: figures.minutesWatched,
        questionsAsked: Number(q?.asked ?? 0),
        questionsAnswered: Number(q?.answered ?? 0),
        polls: Number(p?.polls ?? 0),
        pollBallots: Number(p?.ballots ?? 0),
        pollParticipants: Number(p?.participants ?? 0),
      };
    });
  }

  /** Booth visits (page views of the booth), unique visitors, accepted conversations, leads. */
  async booths(eventId: string): Promise<BoothReportRow[]> {
    const rows = await this.reports.booths(eventId);
    return rows.map((r) => ({
      boothId: r.id,
      organisation: r.organisation,
      visits: Number(r.visits),
      uniqueVisitors: Number(r.unique_visitors),
      minutesSpent: Math.round(Number(r.seconds) / 6) / 10,
      conversations: Number(r.conversations),
      leads: Number(r.leads),
    }));
  }

  /**
   * Seats taken and no-shows: a confirmed registrant who never appears in the workshop's video
   * room (LiveKit webhook attendance) did not come. Counted once the workshop has ended.
   */
  async workshops(eventId: string, now = new Date()): Promise<WorkshopReportRow[]> {
    const rows = await this.reports.workshops(eventId);
    return rows.map((r) => {
      const confirmed = Number(r.confirmed);
      const attended = Number(r.attended);
      const ended = r.ends_at <= now;
      return {
        sessionId: r.id,
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        capacity: r.capacity,
        confirmed,
        waitlisted: Number(r.waitlisted),
        fillRate: r.capacity ? Math.round((confirmed / r.capacity) * 1000) / 1000 : null,
        attended: ended ? attended : null,
        noShows: ended ? confirmed - attended : null,
      };
    });
  }

  /** One report table as CSV columns and rows. */
  table(report: EventReport, table: ReportTable): { header: string[]; rows: CsvValue[][] } {
    switch (table) {
      case 'sessions':
        return {
          header: [
            'session_id',
            'title',
            'kind',
            'stage',
            'starts_at',
            'ends_at',
            'unique_viewers',
            'video_viewers',
            'page_viewers',
            'peak_concurrent_viewers',
            'minutes_watched',
            'questions_asked',
            'questions_answered',
            'polls',
            'poll_ballots',
            'poll_participants',
          ],
          rows: report.sessions.map((s) => [
            s.sessionId,
            s.title,
            s.kind,
            s.stage,
            s.startsAt,
            s.endsAt,
            s.uniqueViewers,
            s.videoViewers,
            s.pageViewers,
            s.peakConcurrentViewers,
            s.minutesWatched,
            s.questionsAsked,
            s.questionsAnswered,
            s.polls,
            s.pollBallots,
            s.pollParticipants,
          ]),
        };
      case 'booths':
        return {
          header: [
            'booth_id',
            'organisation',
            'visits',
            'unique_visitors',
            'minutes_spent',
            'conversations',
            'leads',
          ],
          rows: report.booths.map((b) => [
            b.boothId,
            b.organisation,
            b.visits,
            b.uniqueVisitors,
            b.minutesSpent,
            b.conversations,
            b.leads,
          ]),
        };
      case 'workshops':
        return {
          header: [
            'session_id',
            'title',
            'starts_at',
            'ends_at',
            'capacity',
            'confirmed',
            'waitlisted',
            'fill_rate',
            'attended',
            'no_shows',
          ],
          rows: report.workshops.map((w) => [
            w.sessionId,
            w.title,
            w.startsAt,
            w.endsAt,
            w.capacity,
            w.confirmed,
            w.waitlisted,
            w.fillRate,
            w.attended,
            w.noShows,
          ]),
        };
    }
  }
}
