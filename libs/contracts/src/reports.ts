import { z } from 'zod';

/**
 * One session's audience. Viewers are people seen in the session's LiveKit room (webhook
 * attendance) or on its page (Socket.IO presence in `session:<id>`); a person in both counts
 * once, and their overlapping time counts once.
 */
export const sessionReportRowSchema = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  kind: z.string(),
  stage: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  uniqueViewers: z.number().int(),
  /** People seen in the video room (LiveKit webhooks). */
  videoViewers: z.number().int(),
  /** People seen on the session page (socket presence). */
  pageViewers: z.number().int(),
  peakConcurrentViewers: z.number().int(),
  minutesWatched: z.number(),
  questionsAsked: z.number().int(),
  questionsAnswered: z.number().int(),
  polls: z.number().int(),
  pollBallots: z.number().int(),
  /** Distinct people who voted in at least one of the session's polls. */
  pollParticipants: z.number().int(),
});
export type SessionReportRow = z.infer<typeof sessionReportRowSchema>;

export const boothReportRowSchema = z.object({
  boothId: z.uuid(),
  organisation: z.string(),
  visits: z.number().int(),
  uniqueVisitors: z.number().int(),
  minutesSpent: z.number(),
  /** "Talk to us" requests a staff member accepted. */
  conversations: z.number().int(),
  /** Contact shares not withdrawn. */
  leads: z.number().int(),
});
export type BoothReportRow = z.infer<typeof boothReportRowSchema>;

export const workshopReportRowSchema = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** null: unlimited seats. */
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  /** confirmed / capacity, 0…1; null for unlimited seats. */
  fillRate: z.number().nullable(),
  /** Confirmed registrants seen in the workshop's video room. */
  attended: z.number().int().nullable(),
  /**
   * Confirmed registrants never seen in the workshop's video room; null before the workshop has
   * ended, and once the event's attendance has been anonymised (nobody can be matched any more).
   */
  noShows: z.number().int().nullable(),
});
export type WorkshopReportRow = z.infer<typeof workshopReportRowSchema>;

export const eventReportSchema = z.object({
  eventId: z.uuid(),
  generatedAt: z.iso.datetime(),
  sessions: z.array(sessionReportRowSchema),
  booths: z.array(boothReportRowSchema),
  workshops: z.array(workshopReportRowSchema),
  /** When the attendance behind these figures was anonymised, if it was. */
  attendanceAnonymisedAt: z.iso.datetime().nullable(),
});
export type EventReport = z.infer<typeof eventReportSchema>;

export const reportTables = ['sessions', 'booths', 'workshops'] as const;
export const reportTableSchema = z.enum(reportTables);
export type ReportTable = z.infer<typeof reportTableSchema>;
