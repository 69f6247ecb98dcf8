import { z } from 'zod';

/**
 * One session's audience. Viewers are people seen in the session's LiveKit room (webhook
 * attendance) or on its page (Socket.IO presence in `session:<id>`); a person in both counts
 * once, and their overlapping time counts once.
 */
export interface SessionReportRow {
  sessionId: string;
  title: string;
  kind: string;
  stage: string | null;
  startsAt: string;
  endsAt: string;
  uniqueViewers: number;
  /** People seen in the video room (LiveKit webhooks). */
  videoViewers: number;
  /** People seen on the session page (socket presence). */
  pageViewers: number;
  peakConcurrentViewers: number;
  minutesWatched: number;
  questionsAsked: number;
  questionsAnswered: number;
  polls: number;
  pollBallots: number;
  /** Distinct people who voted in at least one of the session's polls. */
  pollParticipants: number;
}

export interface BoothReportRow {
  boothId: string;
  organisation: string;
  visits: number;
  uniqueVisitors: number;
  minutesSpent: number;
  /** "Talk to us" requests a staff member accepted. */
  conversations: number;
  /** Contact shares not withdrawn. */
  leads: number;
}

export interface WorkshopReportRow {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** null: unlimited seats. */
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** confirmed / capacity, 0…1; null for unlimited seats. */
  fillRate: number | null;
  /** Confirmed registrants seen in the workshop's video room. */
  attended: number | null;
  /**
   * Confirmed registrants never seen in the workshop's video room; null before the workshop has
   * ended, and once the event's attendance has been anonymised (nobody can be matched any more).
   */
  noShows: number | null;
}

export interface EventReport {
  eventId: string;
  generatedAt: string;
  sessions: SessionReportRow[];
  booths: BoothReportRow[];
  workshops: WorkshopReportRow[];
  /** When the attendance behind these figures was anonymised, if it was. */
  attendanceAnonymisedAt: string | null;
}

export const reportTables = ['sessions', 'booths', 'workshops'] as const;
export const reportTableSchema = z.enum(reportTables);
export type ReportTable = z.infer<typeof reportTableSchema>;
