import { z } from 'zod';

/** The LiveKit rooms Plenum knows; the api derives the room name, never the client. */
export const videoRoomSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage'), sessionId: z.uuid() }),
  z.object({ kind: z.literal('backstage'), stageId: z.uuid() }),
  z.object({ kind: z.literal('workshop'), sessionId: z.uuid() }),
  z.object({ kind: z.literal('booth'), boothId: z.uuid() }),
]);
export type VideoRoom = z.infer<typeof videoRoomSchema>;
export type VideoRoomKind = VideoRoom['kind'];

export const videoTokenRequestSchema = z.object({ room: videoRoomSchema });
export type VideoTokenRequest = z.infer<typeof videoTokenRequestSchema>;

/** What the person is in the room; shown to others as participant metadata. */
export const videoPartSchema = z.enum([
  'audience',
  'speaker',
  'moderator',
  'host',
  'staff',
  'participant',
  'visitor',
]);
export type VideoPart = z.infer<typeof videoPartSchema>;

export const videoTokenSchema = z.object({
  token: z.string(),
  /** The LiveKit server address for the browser (`ws://` or `wss://`). */
  url: z.string(),
  room: z.string(),
  expiresAt: z.iso.datetime(),
  part: videoPartSchema,
  canPublish: z.boolean(),
  roomAdmin: z.boolean(),
});
export type VideoToken = z.infer<typeof videoTokenSchema>;

export const goLiveRequestSchema = z.object({ userId: z.uuid() });
export type GoLiveRequest = z.infer<typeof goLiveRequestSchema>;

export const liveSpeakerSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  since: z.iso.datetime(),
});
export type LiveSpeakerView = z.infer<typeof liveSpeakerSchema>;

export const sessionAttendanceSchema = z.object({
  sessionId: z.uuid(),
  /** Distinct people who joined the session's room at least once. */
  uniqueViewers: z.number().int(),
  /** Most people in the room at one moment (one person on two devices counts once). */
  peakConcurrentViewers: z.number().int(),
  peakAt: z.iso.datetime().nullable(),
  currentViewers: z.number().int(),
  /** Time in the room summed over people, overlapping devices counted once, in minutes. */
  minutesWatched: z.number(),
});
export type SessionAttendance = z.infer<typeof sessionAttendanceSchema>;

/** What the webhook endpoint answers LiveKit: processed now, or already processed before. */
export const webhookOutcomeSchema = z.object({ outcome: z.enum(['processed', 'duplicate']) });
export type WebhookReceipt = z.infer<typeof webhookOutcomeSchema>;
export type WebhookOutcome = WebhookReceipt['outcome'];
