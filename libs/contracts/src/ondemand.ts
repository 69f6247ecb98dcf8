import { z } from 'zod';

export const mediaAccessValues = ['public', 'registered'] as const;
/** Who sees an event's replays, slides and impressions: anyone, or its members only. */
export const mediaAccessSchema = z.enum(mediaAccessValues);
export type MediaAccess = z.infer<typeof mediaAccessSchema>;

export const recordingSources = ['egress', 'upload', 'url'] as const;
export type RecordingSource = (typeof recordingSources)[number];
export const recordingStates = ['starting', 'recording', 'processing', 'ready', 'failed'] as const;
export type RecordingState = (typeof recordingStates)[number];
export const recordingMedia = ['file', 'hls', 'embed'] as const;
export type RecordingMedia = (typeof recordingMedia)[number];

/** Uploaded recordings: MP4 or WebM, checked by signature, at most this size. */
export const recordingUploadContentTypes = ['video/mp4', 'video/webm'] as const;
export const RECORDING_UPLOAD_MAX_BYTES = 500 * 1024 * 1024;
/** Slides: one PDF per upload. */
export const slideContentTypes = ['application/pdf'] as const;
export const SLIDES_MAX_BYTES = 30 * 1024 * 1024;
/** Gallery photos. */
export const impressionContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const IMPRESSION_MAX_BYTES = 8 * 1024 * 1024;

export const recordingViewSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  source: z.enum(recordingSources),
  state: z.enum(recordingStates),
  media: z.enum(recordingMedia),
  /** What the player loads: a (signed) file URL, an HLS playlist or an embed URL; null until ready. */
  playbackUrl: z.string().nullable(),
  contentType: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  sizeBytes: z.number().int().nullable(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  startedBy: z.string().nullable(),
  endedBy: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type RecordingView = z.infer<typeof recordingViewSchema>;

/** What the moderator's record button shows. */
export const recordingControlSchema = z.object({
  /** LiveKit (and so egress) is configured and the session has a stage. */
  available: z.boolean(),
  current: recordingViewSchema.nullable(),
  recordings: z.array(recordingViewSchema),
});
export type RecordingControl = z.infer<typeof recordingControlSchema>;

export const attachRecordingUrlSchema = z
  .object({ url: z.string().trim().min(1).max(2000) })
  .strict();
export type AttachRecordingUrl = z.infer<typeof attachRecordingUrlSchema>;

export const slideUploadQuerySchema = z.object({
  title: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
});
export type SlideUploadQuery = z.infer<typeof slideUploadQuerySchema>;

export const slideViewSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  /** A signed link that downloads without a bearer token (for a plain `<a download>`). */
  downloadUrl: z.string(),
  createdAt: z.iso.datetime(),
});
export type SlideView = z.infer<typeof slideViewSchema>;

export const impressionUploadQuerySchema = z.object({
  alt: z
    .string({ message: 'Describe the photo for people who cannot see it' })
    .trim()
    .min(1, 'Describe the photo for people who cannot see it')
    .max(500),
  caption: z.string().trim().max(300).default(''),
});
export type ImpressionUploadQuery = z.infer<typeof impressionUploadQuerySchema>;

export const updateImpressionSchema = z
  .object({
    altText: z.string().trim().min(1, 'Describe the photo for people who cannot see it').max(500),
    caption: z.string().trim().max(300),
    position: z.number().int().min(0).max(100_000),
  })
  .partial()
  .strict();
export type UpdateImpression = z.infer<typeof updateImpressionSchema>;

export const impressionViewSchema = z.object({
  id: z.uuid(),
  imageUrl: z.string(),
  altText: z.string(),
  caption: z.string(),
  position: z.number().int(),
});
export type ImpressionView = z.infer<typeof impressionViewSchema>;

export const answeredQuestionSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  /** Null when the author asked anonymously. */
  author: z.string().nullable(),
  voteCount: z.number().int(),
  answeredAt: z.iso.datetime().nullable(),
});
export type AnsweredQuestion = z.infer<typeof answeredQuestionSchema>;

export const onDemandSessionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.string(),
  state: z.enum(['scheduled', 'live', 'ended', 'cancelled']),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  stageId: z.uuid().nullable(),
  stageName: z.string().nullable(),
  speakers: z.array(z.string()),
  replay: recordingViewSchema.nullable(),
  slides: z.array(slideViewSchema),
});
export type OnDemandSession = z.infer<typeof onDemandSessionSchema>;

export const sessionOnDemandSchema = onDemandSessionSchema.extend({
  answeredQuestions: z.array(answeredQuestionSchema),
  /** The caller speaks in this session or organizes the event. */
  mayUploadSlides: z.boolean(),
  /** The caller organizes the event: uploads or links recordings. */
  mayManageRecordings: z.boolean(),
});
export type SessionOnDemand = z.infer<typeof sessionOnDemandSchema>;

export const mediathekSchema = z.object({
  mediaAccess: mediaAccessSchema,
  timeZone: z.string(),
  /** Ended sessions with a replay or slides, by start time. */
  sessions: z.array(onDemandSessionSchema),
  impressions: z.array(impressionViewSchema),
});
export type Mediathek = z.infer<typeof mediathekSchema>;
