import { z } from 'zod';

export const sessionKinds = [
  'keynote',
  'talk',
  'panel',
  'workshop',
  'forum',
  'break',
  'expo',
] as const;
export const sessionKindSchema = z.enum(sessionKinds);
export type SessionKind = z.infer<typeof sessionKindSchema>;

export const sessionStates = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export const sessionStateSchema = z.enum(sessionStates);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const speakerPartSchema = z.enum(['speaker', 'moderator', 'host']);
export type SpeakerPart = z.infer<typeof speakerPartSchema>;

export const sessionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: sessionKindSchema,
  state: sessionStateSchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  stage: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  speakers: z.array(z.object({ id: z.uuid(), name: z.string(), part: speakerPartSchema })),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const nowNextSchema = z.object({
  at: z.iso.datetime(),
  now: z.array(sessionSummarySchema),
  next: z.array(sessionSummarySchema),
});
export type NowNext = z.infer<typeof nowNextSchema>;

/**
 * A session time as the API accepts it. With an offset (`2026-05-04T10:00:00+02:00`, `…Z`) it
 * is that instant; without one (`2026-05-04T10:00`) it is the wall-clock time in the event's
 * time zone. Answers always carry UTC instants (`startsAt`) plus the wall-clock time in the zone
 * the answer names (`local.startsAt`).
 */
export const sessionTimeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/,
    'Use a date and time such as 2026-05-04T10:00 (event time) or 2026-05-04T10:00:00+02:00',
  );

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #1f5f99');
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'Use an http:// or https:// address' })
  .max(2000);

export const stageInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(1000).default(0),
});
export type StageInput = z.input<typeof stageInputSchema>;
export const stageUpdateSchema = stageInputSchema.partial();

export const trackInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  color: hexColor.default('#3a6ea5'),
});
export type TrackInput = z.input<typeof trackInputSchema>;
export const trackUpdateSchema = trackInputSchema.partial();

export const speakerLinkSchema = z.object({
  label: z.string().trim().min(1).max(80),
  url: httpUrl,
});

export const speakerInputSchema = z.object({
  name: z.string().trim().min(1).max(160),
  title: z.string().trim().max(200).default(''),
  organisation: z.string().trim().max(200).default(''),
  biography: z.string().max(10_000).default(''),
  photoUrl: httpUrl.nullable().default(null),
  links: z.array(speakerLinkSchema).max(10).default([]),
});
export type SpeakerInput = z.input<typeof speakerInputSchema>;
export const speakerUpdateSchema = speakerInputSchema.partial();

const sessionFields = {
  title: z.string().trim().min(1).max(300),
  kind: sessionKindSchema,
  abstract: z.string().max(20_000).default(''),
  startsAt: sessionTimeSchema,
  endsAt: sessionTimeSchema,
  stageId: z.uuid().nullable().default(null),
  trackId: z.uuid().nullable().default(null),
  capacity: z.number().int().min(0).max(1_000_000).nullable().default(null),
  streamUrl: httpUrl.nullable().default(null),
  speakers: z
    .array(z.object({ speakerId: z.uuid(), part: speakerPartSchema.default('speaker') }))
    .max(50)
    .default([]),
};

export const sessionInputSchema = z.object(sessionFields);
export type SessionInput = z.input<typeof sessionInputSchema>;

/** Moving a session is an update of `startsAt`/`endsAt`; cancelling has its own route. */
export const sessionUpdateSchema = z
  .object({
    title: sessionFields.title,
    kind: sessionFields.kind,
    abstract: z.string().max(20_000),
    startsAt: sessionTimeSchema,
    endsAt: sessionTimeSchema,
    stageId: z.uuid().nullable(),
    trackId: z.uuid().nullable(),
    capacity: z.number().int().min(0).max(1_000_000).nullable(),
    streamUrl: httpUrl.nullable(),
    speakers: z
      .array(z.object({ speakerId: z.uuid(), part: speakerPartSchema.default('speaker') }))
      .max(50),
  })
  .partial();
export type SessionUpdate = z.input<typeof sessionUpdateSchema>;

export const stageViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
});
export type StageView = z.infer<typeof stageViewSchema>;

export const trackViewSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });
export type TrackView = z.infer<typeof trackViewSchema>;

export const speakerViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  title: z.string(),
  organisation: z.string(),
  biography: z.string(),
  photoUrl: z.string().nullable(),
  links: z.array(speakerLinkSchema),
});
export type SpeakerView = z.infer<typeof speakerViewSchema>;

export const sessionViewSchema = z.object({
  id: z.uuid(),
  guid: z.uuid(),
  title: z.string(),
  kind: sessionKindSchema,
  state: sessionStateSchema,
  abstract: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** Wall-clock times (`YYYY-MM-DDTHH:mm`) and the day in the answer's time zone. */
  local: z.object({ startsAt: z.string(), endsAt: z.string(), day: z.string() }),
  stageId: z.uuid().nullable(),
  trackId: z.uuid().nullable(),
  capacity: z.number().int().nullable(),
  streamUrl: z.string().nullable(),
  sequence: z.number().int(),
  speakers: z.array(z.object({ id: z.uuid(), name: z.string(), part: speakerPartSchema })),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The whole public programme of an event: what the programme pages and schedule tools read. */
export const programmeSchema = z.object({
  eventId: z.uuid(),
  slug: z.string(),
  /** The zone of every `local` field: the event's, or the one asked for with `?timeZone=`. */
  timeZone: z.string(),
  eventTimeZone: z.string(),
  days: z.array(z.string()),
  stages: z.array(stageViewSchema),
  tracks: z.array(trackViewSchema),
  speakers: z.array(speakerViewSchema),
  sessions: z.array(sessionViewSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

export const scheduleWarningSchema = z.object({
  code: z.enum(['SPEAKER_DOUBLE_BOOKED']),
  message: z.string(),
  speakerId: z.uuid(),
  conflictingSession: z.object({ id: z.uuid(), title: z.string() }),
});
export type ScheduleWarning = z.infer<typeof scheduleWarningSchema>;

/** Saving a session answers the session and what the organizer should look at. */
export const sessionWriteResultSchema = z.object({
  session: sessionViewSchema,
  warnings: z.array(scheduleWarningSchema),
});
export type SessionWriteResult = z.infer<typeof sessionWriteResultSchema>;

export const agendaEntrySchema = z.object({
  session: sessionViewSchema,
  addedAt: z.iso.datetime(),
  /** Other sessions of the same agenda that overlap this one in time. */
  overlapsWith: z.array(z.uuid()),
});
export type AgendaEntry = z.infer<typeof agendaEntrySchema>;

export const agendaSchema = z.object({
  timeZone: z.string(),
  entries: z.array(agendaEntrySchema),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  /** Only in the answer that creates the feed: the secret is stored hashed, never shown again. */
  url: z.string().optional(),
});
export type CalendarFeedView = z.infer<typeof calendarFeedSchema>;

export const importActionSchema = z.enum(['create', 'update', 'unchanged']);

/** What a schedule import did (or, in a dry run, would do). */
export const scheduleImportReportSchema = z.object({
  dryRun: z.boolean(),
  conference: z.object({
    title: z.string(),
    acronym: z.string().nullable(),
    timeZone: z.string().nullable(),
  }),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  stagesCreated: z.array(z.string()),
  tracksCreated: z.array(z.string()),
  speakersCreated: z.number().int(),
  speakersUpdated: z.number().int(),
  sessions: z.array(
    z.object({
      guid: z.string(),
      title: z.string(),
      startsAt: z.iso.datetime(),
      action: importActionSchema,
      changes: z.array(z.string()),
    }),
  ),
  warnings: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ScheduleImportReport = z.infer<typeof scheduleImportReportSchema>;

/**
 * The body of a schedule import: any JSON object. Its shape is checked by the importer, which
 * reads the deviations real exports have and names the place of anything it cannot read.
 */
export const scheduleImportBodySchema = z.record(z.string(), z.unknown());
