import { z } from 'zod';

/** Minutes before a session's start; 24 h and 15 min unless the organizers change them. */
export const DEFAULT_REMINDER_OFFSETS = [1440, 15] as const;
export const reminderOffsetSchema = z.number().int().min(1).max(10_080);
export const reminderOffsetsSchema = z
  .array(reminderOffsetSchema)
  .max(5)
  .refine((list) => new Set(list).size === list.length, 'Each offset only once');

export const notificationChannels = ['in-app', 'email'] as const;
export const notificationChannelSchema = z.enum(notificationChannels);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

export const notificationKinds = [
  'reminder',
  'session-moved',
  'session-cancelled',
  'announcement',
  'workshop-seat-confirmed',
  'workshop-promoted',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** A delayed job on the reminders queue: fans out to the audience when due. */
export const reminderJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reminder'),
    sessionId: z.uuid(),
    offsetMinutes: reminderOffsetSchema,
    /** The start time the job was scheduled for; a moved session makes the job stale. */
    startsAt: z.iso.datetime(),
  }),
  z.object({
    kind: z.literal('session-moved'),
    sessionId: z.uuid(),
    sequence: z.number().int(),
  }),
  z.object({
    kind: z.literal('session-cancelled'),
    sessionId: z.uuid(),
    sequence: z.number().int(),
  }),
  z.object({ kind: z.literal('announcement'), announcementId: z.uuid() }),
  /** A notice to one person about their workshop seat, queued after the registration commits. */
  z.object({
    kind: z.literal('workshop-notice'),
    notice: z.enum(['workshop-seat-confirmed', 'workshop-promoted']),
    sessionId: z.uuid(),
    userId: z.uuid(),
  }),
  z.object({ kind: z.literal('rebuild') }),
]);
export type ReminderJob = z.infer<typeof reminderJobSchema>;

/**
 * One delivery row per job (the e-mails of a fan-out), or the in-app rows of one fan-out batch
 * when the fan-out ran without the worker's in-process sender (the worker sends in-app notices
 * inside the fan-out itself).
 */
export const deliveryJobSchema = z.union([
  z.object({ deliveryId: z.uuid() }),
  z.object({ deliveryIds: z.array(z.uuid()).min(1).max(5_000) }),
]);
export type DeliveryJob = z.infer<typeof deliveryJobSchema>;

export const notificationViewSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  sessionId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const reminderPreferencesSchema = z.object({
  enabled: z.boolean(),
  /** null: the event's offsets. */
  offsetsMinutes: reminderOffsetsSchema.nullable(),
  channels: z.array(notificationChannelSchema).max(2),
  /** Be reminded of every keynote, whether or not it is in the personal agenda. */
  allKeynotes: z.boolean(),
});
export type ReminderPreferences = z.infer<typeof reminderPreferencesSchema>;

export const reminderPreferencesViewSchema = reminderPreferencesSchema.extend({
  eventOffsetsMinutes: z.array(z.number().int()),
});
export type ReminderPreferencesView = z.infer<typeof reminderPreferencesViewSchema>;

export const reminderSettingsSchema = z.object({ offsetsMinutes: reminderOffsetsSchema });
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const unsubscribeRequestSchema = z.object({ token: z.string().min(10).max(500) });
export const unsubscribeResultSchema = z.object({ eventTitle: z.string() });
export type UnsubscribeResult = z.infer<typeof unsubscribeResultSchema>;

export const announcementRequestSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(4000),
  /** null: everyone in the event. */
  role: z.enum(['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee']).nullable(),
  channels: z.array(notificationChannelSchema).min(1).max(2),
});
export type AnnouncementRequest = z.infer<typeof announcementRequestSchema>;

export const announcementSentSchema = z.object({ id: z.uuid() });
export type AnnouncementSent = z.infer<typeof announcementSentSchema>;

export const deliveryStatsSchema = z.object({
  sent: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  recentFailures: z.array(
    z.object({ channel: notificationChannelSchema, error: z.string(), at: z.iso.datetime() }),
  ),
});
export type DeliveryStats = z.infer<typeof deliveryStatsSchema>;
