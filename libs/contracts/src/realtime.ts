import { z } from 'zod';
import type { ConversationOffer, ConversationView } from './expo';
import { errorCodes } from './errors';
import { sessionStateSchema } from './programme';
import type { WorkshopPromoted, WorkshopSeats, WorkshopSpotlight } from './workshops';
import type { NotificationView } from './reminders';
import {
  backstageJoinSchema,
  backstageMessageSchema,
  pollCreateSchema,
  pollListRequestSchema,
  pollRefSchema,
  pollVoteSchema,
  qaAskSchema,
  qaDismissSchema,
  qaEditSchema,
  qaOpenSchema,
  qaQuestionRefSchema,
  qaScreenSchema,
  qaStateRequestSchema,
  qaVoteSchema,
} from './qa';
import type {
  BackstageJoined,
  BackstageLine,
  PollList,
  PollResults,
  PollView,
  QaOnScreen,
  QaRemoved,
  QaSettings,
  QaSnapshot,
  QaVoteResult,
  QaVotes,
  QuestionView,
} from './qa';

/** Socket.IO namespace and room names (see docs/realtime.md). */
export const LIVE_NAMESPACE = '/live';
export const LIVE_PATH = '/socket.io';

export const rooms = {
  event: (id: string) => `event:${id}`,
  session: (id: string) => `session:${id}`,
  booth: (id: string) => `booth:${id}`,
  workshop: (id: string) => `workshop:${id}`,
  user: (id: string) => `user:${id}`,
} as const;

/** Rooms a client may join; `user:<id>` is joined by the server for each socket on its own. */
export const chatRoomKinds = ['event', 'session', 'booth', 'workshop'] as const;
export type ChatRoomKind = (typeof chatRoomKinds)[number];

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const roomPattern = new RegExp(`^(${chatRoomKinds.join('|')}):(${UUID})$`);

export const roomNameSchema = z
  .string()
  .max(80)
  .regex(roomPattern, 'A room is event:<id>, session:<id>, booth:<id> or workshop:<id>');

/** Splits a room name into its kind and id, or returns null when it is not a chat room. */
export function parseRoomName(room: string): { kind: ChatRoomKind; id: string } | null {
  const match = roomPattern.exec(room);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as ChatRoomKind, id: match[2].toLowerCase() };
}

/** Longest chat message, in characters. */
export const CHAT_MAX_LENGTH = 1000;
/** Messages sent on join and per "load older" page. */
export const CHAT_HISTORY_PAGE = 50;
/** Most missed messages returned at once on a reconnect; `hasMore` says to ask again. */
export const CHAT_CATCH_UP_MAX = 200;
export const MUTE_MAX_MINUTES = 7 * 24 * 60;
export const SLOW_MODE_MAX_SECONDS = 600;

export const reactionKinds = ['applause', 'heart', 'thumbs-up', 'laughter', 'surprise'] as const;
export const reactionKindSchema = z.enum(reactionKinds);
export type ReactionKind = z.infer<typeof reactionKindSchema>;

/** `staff`: the booth's own staff in a booth room, for "staff online now". */
export const presenceCounters = ['viewers', 'staff'] as const;
export type PresenceCounter = (typeof presenceCounters)[number];

/** Sequence numbers are PostgreSQL `integer`s: a larger one is a bad payload, not a query. */
export const SEQ_MAX = 2 ** 31 - 1;
const seqSchema = z.number().int().min(0).max(SEQ_MAX);

/* ---- client → server payloads ---- */

export const roomJoinSchema = z.object({
  room: roomNameSchema,
  /** The last sequence number the client has; the answer then carries what came after it. */
  afterSeq: seqSchema.optional(),
});
export type RoomJoin = z.infer<typeof roomJoinSchema>;

export const roomLeaveSchema = z.object({ room: roomNameSchema });
export type RoomLeave = z.infer<typeof roomLeaveSchema>;

export const chatSendSchema = z.object({
  room: roomNameSchema,
  // The length limit is checked by the server with its own error code (MESSAGE_TOO_LONG); this
  // bound only keeps absurd payloads out of the parser.
  body: z.string().max(CHAT_MAX_LENGTH * 4),
});
export type ChatSend = z.infer<typeof chatSendSchema>;

export const chatHistorySchema = z
  .object({
    room: roomNameSchema,
    beforeSeq: seqSchema.optional(),
    afterSeq: seqSchema.optional(),
    limit: z.number().int().min(1).max(CHAT_CATCH_UP_MAX).optional(),
  })
  .refine((v) => v.beforeSeq === undefined || v.afterSeq === undefined, {
    message: 'Ask for messages before or after a sequence number, not both',
    path: ['afterSeq'],
  });
export type ChatHistoryRequest = z.infer<typeof chatHistorySchema>;

export const chatDeleteSchema = z.object({
  room: roomNameSchema,
  messageId: z.uuid(),
  reason: z.string().trim().min(1, 'Give a reason').max(500),
});
export type ChatDelete = z.infer<typeof chatDeleteSchema>;

export const muteScopes = ['room', 'event'] as const;
export const chatMuteSchema = z.object({
  room: roomNameSchema,
  userId: z.uuid(),
  minutes: z.number().int().min(1).max(MUTE_MAX_MINUTES),
  /** `room` mutes in this room only, `event` in every room of the event. */
  scope: z.enum(muteScopes).default('room'),
  reason: z.string().trim().max(500).default(''),
});
export type ChatMute = z.input<typeof chatMuteSchema>;

export const chatUnmuteSchema = z.object({
  room: roomNameSchema,
  userId: z.uuid(),
});
export type ChatUnmute = z.infer<typeof chatUnmuteSchema>;

export const chatSlowModeSchema = z.object({
  room: roomNameSchema,
  /** 0 turns slow mode off. */
  seconds: z.number().int().min(0).max(SLOW_MODE_MAX_SECONDS),
});
export type ChatSlowMode = z.infer<typeof chatSlowModeSchema>;

export const reactionSendSchema = z.object({ room: roomNameSchema, kind: reactionKindSchema });
export type ReactionSend = z.infer<typeof reactionSendSchema>;

/* ---- views sent by the server ---- */

export const chatAuthorSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const chatMessageSchema = z.object({
  id: z.uuid(),
  room: z.string(),
  seq: z.number().int(),
  /** Null when the author's account was deleted. */
  author: chatAuthorSchema.nullable(),
  /** Present (true) when the author deleted their account: show "Gelöschte Person". */
  authorDeleted: z.literal(true).optional(),
  /** Plain text; clients render it as text (links and @mentions recognised), never as HTML. */
  body: z.string(),
  createdAt: z.iso.datetime(),
  /** Set on a tombstone: the body is then empty. */
  deleted: z.object({ at: z.iso.datetime(), reason: z.string() }).nullable(),
});
export type ChatMessageView = z.infer<typeof chatMessageSchema>;

export const chatMuteStateSchema = z.object({
  eventId: z.uuid(),
  /** Null for a mute in every room of the event. */
  room: z.string().nullable(),
  until: z.iso.datetime(),
  reason: z.string(),
});
export type ChatMuteState = z.infer<typeof chatMuteStateSchema>;

export const roomJoinedSchema = z.object({
  room: z.string(),
  /** The latest messages (or, with `afterSeq`, the missed ones), oldest first. */
  messages: z.array(chatMessageSchema),
  /** Older messages exist (latest page) or more missed ones wait (catch-up). */
  hasMore: z.boolean(),
  lastSeq: z.number().int(),
  viewers: z.number().int(),
  slowModeSeconds: z.number().int(),
  canModerate: z.boolean(),
  canReact: z.boolean(),
  mute: chatMuteStateSchema.nullable(),
});
export type RoomJoined = z.infer<typeof roomJoinedSchema>;

export const chatHistoryPageSchema = z.object({
  messages: z.array(chatMessageSchema),
  hasMore: z.boolean(),
});
export type ChatHistoryPage = z.infer<typeof chatHistoryPageSchema>;

export const chatDeletedSchema = z.object({
  room: z.string(),
  id: z.uuid(),
  seq: z.number().int(),
  deleted: z.object({ at: z.iso.datetime(), reason: z.string() }),
});
export type ChatDeleted = z.infer<typeof chatDeletedSchema>;

export const chatSettingsSchema = z.object({ room: z.string(), slowModeSeconds: z.number() });
export type ChatSettings = z.infer<typeof chatSettingsSchema>;

export const chatUnmutedSchema = z.object({ eventId: z.uuid(), room: z.string().nullable() });
export type ChatUnmuted = z.infer<typeof chatUnmutedSchema>;

export const presenceCountSchema = z.object({
  room: z.string(),
  counter: z.enum(presenceCounters),
  count: z.number().int(),
});
export type PresenceCount = z.infer<typeof presenceCountSchema>;

export const reactionBurstSchema = z.object({
  room: z.string(),
  /** Reactions since the previous burst, by kind; kinds nobody sent are left out. */
  counts: z.partialRecord(reactionKindSchema, z.number().int()),
});
export type ReactionBurst = z.infer<typeof reactionBurstSchema>;

export const sessionStateChangedSchema = z.object({
  eventId: z.uuid(),
  sessionId: z.uuid(),
  state: sessionStateSchema,
  changedAt: z.iso.datetime(),
});
export type SessionStateChanged = z.infer<typeof sessionStateChangedSchema>;

/**
 * Why the server re-evaluated what a socket may do in a room: a role in the event was taken
 * away or given, or a workshop registration ended.
 */
export const roomAccessReasons = [
  'membership-removed',
  'membership-added',
  'registration-cancelled',
] as const;
export type RoomAccessReason = (typeof roomAccessReasons)[number];

export const roomAccessChangedSchema = z.object({
  room: z.string(),
  /** False: the server took this socket out of the room, and joining again is refused. */
  joined: z.boolean(),
  /** What the person may do there now (both false once the room was left). */
  canModerate: z.boolean(),
  canReact: z.boolean(),
  reason: z.enum(roomAccessReasons),
});
export type RoomAccessChanged = z.infer<typeof roomAccessChangedSchema>;

/**
 * The room's latest sequence number, sent by an api instance to its own sockets in the room
 * after its connection to Redis came back: broadcasts may have been lost meanwhile, so a client
 * whose last message is older asks for what came after it (`chat:history` with `afterSeq`).
 */
export const roomResyncSchema = z.object({
  room: z.string(),
  lastSeq: z.number().int().nonnegative(),
});
export type RoomResync = z.infer<typeof roomResyncSchema>;

/* ---- acknowledgements ---- */

export const liveErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  retryAfterMs: z.number().int().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type LiveError = z.infer<typeof liveErrorSchema>;

export type Ack<T> = { ok: true; data: T } | { ok: false; error: LiveError };
export type AckCallback<T> = (answer: Ack<T>) => void;

/** What the server sends when an event without an acknowledgement could not be handled. */
export const liveEventErrorSchema = z.object({ event: z.string(), error: liveErrorSchema });
export type LiveEventError = z.infer<typeof liveEventErrorSchema>;

/** Client → server events: payload schema and acknowledgement data, one entry per event. */
export const clientEventSchemas = {
  'room:join': roomJoinSchema,
  'room:leave': roomLeaveSchema,
  'chat:send': chatSendSchema,
  'chat:history': chatHistorySchema,
  'chat:delete': chatDeleteSchema,
  'chat:mute': chatMuteSchema,
  'chat:unmute': chatUnmuteSchema,
  'chat:slow-mode': chatSlowModeSchema,
  'reaction:send': reactionSendSchema,
  'qa:state': qaStateRequestSchema,
  'qa:ask': qaAskSchema,
  'qa:edit': qaEditSchema,
  'qa:withdraw': qaQuestionRefSchema,
  'qa:vote': qaVoteSchema,
  'qa:approve': qaQuestionRefSchema,
  'qa:dismiss': qaDismissSchema,
  'qa:answer': qaQuestionRefSchema,
  'qa:screen': qaScreenSchema,
  'qa:open': qaOpenSchema,
  'poll:list': pollListRequestSchema,
  'poll:create': pollCreateSchema,
  'poll:open': pollRefSchema,
  'poll:close': pollRefSchema,
  'poll:vote': pollVoteSchema,
  'backstage:join': backstageJoinSchema,
  'backstage:message': backstageMessageSchema,
} as const;
export type ClientEventName = keyof typeof clientEventSchemas;

export interface ClientAckData {
  'room:join': RoomJoined;
  'room:leave': { room: string };
  'chat:send': { message: ChatMessageView };
  'chat:history': ChatHistoryPage;
  'chat:delete': ChatDeleted;
  'chat:mute': ChatMuteState & { userId: string };
  'chat:unmute': ChatUnmuted & { userId: string };
  'chat:slow-mode': ChatSettings;
  'reaction:send': { room: string };
  'qa:state': QaSnapshot;
  'qa:ask': { question: QuestionView };
  'qa:edit': { question: QuestionView };
  'qa:withdraw': QaRemoved;
  'qa:vote': QaVoteResult;
  'qa:approve': { question: QuestionView };
  'qa:dismiss': { question: QuestionView };
  'qa:answer': { question: QuestionView };
  'qa:screen': QaOnScreen;
  'qa:open': QaSettings;
  'poll:list': PollList;
  'poll:create': { poll: PollView };
  'poll:open': { poll: PollView };
  'poll:close': { poll: PollView };
  'poll:vote': { poll: PollView };
  'backstage:join': BackstageJoined;
  'backstage:message': BackstageLine;
}

export type ClientToServerEvents = {
  [E in ClientEventName]: (
    payload: z.input<(typeof clientEventSchemas)[E]>,
    ack: AckCallback<ClientAckData[E]>,
  ) => void;
};

/**
 * Server → client events. Features add theirs here; the web app and the servers share the map.
 */
export interface ServerToClientEvents {
  'session:state': (payload: SessionStateChanged) => void;
  'chat:message': (payload: ChatMessageView) => void;
  'chat:deleted': (payload: ChatDeleted) => void;
  'chat:settings': (payload: ChatSettings) => void;
  /** Sent to `user:<id>`: the person was muted. */
  'chat:muted': (payload: ChatMuteState) => void;
  'chat:unmuted': (payload: ChatUnmuted) => void;
  'presence:count': (payload: PresenceCount) => void;
  'reaction:burst': (payload: ReactionBurst) => void;
  /** Sent to `event:<id>` whenever a workshop's seats or waitlist change. */
  'workshop:seats': (payload: WorkshopSeats) => void;
  /** Sent to `user:<id>`: a seat freed up and the person now has it. */
  'workshop:promoted': (payload: WorkshopPromoted) => void;
  'workshop:spotlight': (payload: WorkshopSpotlight) => void;
  /** Sent to `user:<id>`: a reminder, a session change or an announcement. */
  'notification:new': (payload: NotificationView) => void;
  /** Sent to `user:<id>` of free booth staff: visitors are waiting for a video conversation. */
  'expo:conversation-offered': (payload: ConversationOffer) => void;
  /** Sent to `user:<id>` of the visitor and staff: a conversation changed state or position. */
  'expo:conversation-updated': (payload: ConversationView) => void;
  /** A question as the recipient may see it (the asker's room, moderators, the audience). */
  'qa:question': (payload: QuestionView) => void;
  /** A pending question was withdrawn by its asker. */
  'qa:removed': (payload: QaRemoved) => void;
  /** Coalesced vote counts, at most four updates a second per session. */
  'qa:votes': (payload: QaVotes) => void;
  'qa:settings': (payload: QaSettings) => void;
  'qa:on-screen': (payload: QaOnScreen) => void;
  /** A poll was created (moderators), opened or closed (everyone). */
  'poll:updated': (payload: PollView) => void;
  /** Coalesced results: to voters and moderators while open, to everyone once closed. */
  'poll:results': (payload: PollResults) => void;
  /** A moderator's message line to everyone backstage on a stage. */
  'backstage:message': (payload: BackstageLine) => void;
  /**
   * Sent to one socket: the person's rights in a room it joined changed (a role removed or
   * given, a workshop registration cancelled). With `joined: false` the socket left the room.
   */
  'room:access-changed': (payload: RoomAccessChanged) => void;
  /** Sent to a room's sockets on one instance after Redis was away: catch up past `lastSeq`. */
  'room:resync': (payload: RoomResync) => void;
  /** An event sent without an acknowledgement callback failed. */
  'live:error': (payload: LiveEventError) => void;
}
