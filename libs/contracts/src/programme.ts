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
