import { z } from 'zod';

/** Longest question, in characters. */
export const QUESTION_MAX_LENGTH = 500;
export const POLL_MAX_OPTIONS = 10;

export const questionStates = ['pending', 'approved', 'dismissed', 'answered'] as const;
export const questionStateSchema = z.enum(questionStates);
export type QuestionStateName = z.infer<typeof questionStateSchema>;

const sessionRef = { sessionId: z.uuid() };
const questionRef = { ...sessionRef, questionId: z.uuid() };

/* ---- client → server payloads ---- */

export const qaStateRequestSchema = z.object(sessionRef);
export const qaAskSchema = z.object({
  ...sessionRef,
  body: z.string().max(QUESTION_MAX_LENGTH * 4),
  /** Hides the name from the audience; moderators always see who asked. */
  anonymous: z.boolean().default(false),
});
export type QaAsk = z.input<typeof qaAskSchema>;
export const qaEditSchema = z.object({
  ...questionRef,
  body: z.string().max(QUESTION_MAX_LENGTH * 4),
});
export const qaQuestionRefSchema = z.object(questionRef);
/** Sets the vote rather than toggling it, so that five tabs clicking at once still count once. */
export const qaVoteSchema = z.object({ ...questionRef, voted: z.boolean() });
export const qaDismissSchema = z.object({
  ...questionRef,
  reason: z.string().trim().min(1, 'Give a reason').max(500),
});
export const qaScreenSchema = z.object({
  ...sessionRef,
  /** Null takes the current question off the screen. */
  questionId: z.uuid().nullable(),
});
export const qaOpenSchema = z.object({ ...sessionRef, open: z.boolean() });

export const pollKinds = ['single', 'multiple'] as const;
export const pollStates = ['draft', 'open', 'closed'] as const;
export const pollListRequestSchema = z.object(sessionRef);
export const pollCreateSchema = z.object({
  ...sessionRef,
  question: z.string().trim().min(1, 'Ask something').max(300),
  kind: z.enum(pollKinds),
  options: z
    .array(z.string().trim().min(1, 'An option needs a text').max(120))
    .min(2, 'Give at least two options')
    .max(POLL_MAX_OPTIONS),
});
export type PollCreate = z.input<typeof pollCreateSchema>;
export const pollRefSchema = z.object({ ...sessionRef, pollId: z.uuid() });
export const pollVoteSchema = z.object({
  ...sessionRef,
  pollId: z.uuid(),
  /** Indexes of the chosen options. */
  choices: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(POLL_MAX_OPTIONS - 1),
    )
    .min(1)
    .max(POLL_MAX_OPTIONS),
});
export type PollVoteRequest = z.input<typeof pollVoteSchema>;

/* ---- views sent by the server ---- */

export const questionViewSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  body: z.string(),
  anonymous: z.boolean(),
  /** Null for the audience when the question is anonymous (or the account is gone). */
  author: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** Present (true) when the asker deleted their account: show "Gelöschte Person". */
  authorDeleted: z.literal(true).optional(),
  state: questionStateSchema,
  votes: z.number().int(),
  onScreen: z.boolean(),
  /** True only in answers meant for the asker. */
  mine: z.boolean(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  /** Moderators and the asker only. */
  dismissReason: z.string().nullable(),
});
export type QuestionView = z.infer<typeof questionViewSchema>;

export const qaSnapshotSchema = z.object({
  sessionId: z.uuid(),
  open: z.boolean(),
  canModerate: z.boolean(),
  /** Approved and answered questions; your own pending ones; for moderators every one. */
  questions: z.array(questionViewSchema),
  /** Questions you upvoted. */
  myVotes: z.array(z.uuid()),
});
export type QaSnapshot = z.infer<typeof qaSnapshotSchema>;

export const qaVotesSchema = z.object({
  sessionId: z.uuid(),
  /** Current counts of the questions whose votes changed since the last update. */
  votes: z.record(z.string(), z.number().int()),
});
export type QaVotes = z.infer<typeof qaVotesSchema>;

export const qaVoteResultSchema = z.object({
  questionId: z.uuid(),
  voted: z.boolean(),
  votes: z.number().int(),
});
export type QaVoteResult = z.infer<typeof qaVoteResultSchema>;

export const qaSettingsSchema = z.object({ sessionId: z.uuid(), open: z.boolean() });
export type QaSettings = z.infer<typeof qaSettingsSchema>;

export const qaRemovedSchema = z.object({ sessionId: z.uuid(), questionId: z.uuid() });
export type QaRemoved = z.infer<typeof qaRemovedSchema>;

export const qaOnScreenSchema = z.object({
  sessionId: z.uuid(),
  question: questionViewSchema.nullable(),
});
export type QaOnScreen = z.infer<typeof qaOnScreenSchema>;

export const pollResultsSchema = z.object({
  sessionId: z.uuid(),
  pollId: z.uuid(),
  /** Votes per option, in option order. */
  counts: z.array(z.number().int()),
  voters: z.number().int(),
});
export type PollResults = z.infer<typeof pollResultsSchema>;

export const pollViewSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  question: z.string(),
  kind: z.enum(pollKinds),
  options: z.array(z.string()),
  state: z.enum(pollStates),
  /** Your choices, or null when you have not voted. */
  myChoices: z.array(z.number().int()).nullable(),
  /** Shown to those who voted, to moderators, and to everyone once the poll is closed. */
  results: pollResultsSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type PollView = z.infer<typeof pollViewSchema>;

export const pollListSchema = z.object({
  sessionId: z.uuid(),
  canModerate: z.boolean(),
  polls: z.array(pollViewSchema),
});
export type PollList = z.infer<typeof pollListSchema>;

/* ---- backstage ---- */

export const backstageJoinSchema = z.object({ stageId: z.uuid() });
export const backstageMessageSchema = z.object({
  stageId: z.uuid(),
  body: z.string().trim().min(1, 'Write a message first').max(280),
});
export const backstageLineSchema = z.object({
  stageId: z.uuid(),
  author: z.object({ id: z.uuid(), displayName: z.string() }),
  body: z.string(),
  at: z.iso.datetime(),
});
/** A moderator's message line to the speakers backstage; not stored, like a call over the desk. */
export type BackstageLine = z.infer<typeof backstageLineSchema>;
export const backstageJoinedSchema = z.object({ stageId: z.uuid(), canMessage: z.boolean() });
export type BackstageJoined = z.infer<typeof backstageJoinedSchema>;
