import type {
  ChatMessageView,
  ChatMuteState,
  ReactionBurst,
  ReactionKind,
  RoomAccessChanged,
  RoomJoined,
  RoomResync,
} from '@plenum/contracts';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  isFinalRefusal,
  LiveCallError,
  liveCall,
  liveSocket,
  retryDelayMs,
} from './live-connection';

export type Connection = 'connecting' | 'online' | 'reconnecting';

export interface ChatRoomState {
  status: 'joining' | 'ready' | 'error';
  error: LiveCallError | null;
  connection: Connection;
  /** Ordered by sequence number, each once. */
  messages: ChatMessageView[];
  hasOlder: boolean;
  canModerate: boolean;
  canReact: boolean;
  slowModeSeconds: number;
  mute: ChatMuteState | null;
  /** The server changed what this person may do here, or took them out of the room. */
  access: RoomAccessChanged | null;
  viewers: number | null;
  reactions: Partial<Record<ReactionKind, number>>;
  /** Bumped with every reaction burst, so the view can show it moving. */
  reactionPulse: number;
}

type Action =
  | { type: 'joined'; joined: RoomJoined; catchUp: boolean }
  | { type: 'messages'; messages: ChatMessageView[] }
  | { type: 'older'; messages: ChatMessageView[]; hasOlder: boolean }
  | { type: 'deleted'; id: string; deleted: NonNullable<ChatMessageView['deleted']> }
  | { type: 'connection'; connection: Connection }
  | { type: 'failed'; error: LiveCallError }
  | { type: 'slow-mode'; seconds: number }
  | { type: 'mute'; mute: ChatMuteState | null }
  | { type: 'access'; change: RoomAccessChanged }
  | { type: 'viewers'; count: number }
  | { type: 'reactions'; counts: ReactionBurst['counts'] };

const initial: ChatRoomState = {
  status: 'joining',
  error: null,
  connection: 'connecting',
  messages: [],
  hasOlder: false,
  canModerate: false,
  canReact: false,
  slowModeSeconds: 0,
  mute: null,
  access: null,
  viewers: null,
  reactions: {},
  reactionPulse: 0,
};

/** Adds messages by sequence number; what arrives twice (live and in a catch-up) counts once. */
export function mergeMessages(
  current: ChatMessageView[],
  incoming: ChatMessageView[],
): ChatMessageView[] {
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const message of incoming) {
    bySeq.set(message.seq, message);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function reduce(state: ChatRoomState, action: Action): ChatRoomState {
  switch (action.type) {
    case 'joined': {
      const { joined } = action;
      return {
        ...state,
        status: 'ready',
        error: null,
        connection: 'online',
        messages: action.catchUp ? mergeMessages(state.messages, joined.messages) : joined.messages,
        hasOlder: action.catchUp ? state.hasOlder : joined.hasMore,
        canModerate: joined.canModerate,
        canReact: joined.canReact,
        slowModeSeconds: joined.slowModeSeconds,
        mute: joined.mute,
        access: null,
        viewers: joined.viewers,
      };
    }
    case 'messages':
      return { ...state, messages: mergeMessages(state.messages, action.messages) };
    case 'older':
      return {
        ...state,
        messages: mergeMessages(state.messages, action.messages),
        hasOlder: action.hasOlder,
      };
    case 'deleted':
      return {
        ...state,
        messages: state.messages.map((m) =>
          m.id === action.id ? { ...m, body: '', deleted: action.deleted } : m,
        ),
      };
    case 'connection':
      return { ...state, connection: action.connection };
    case 'failed':
      return { ...state, status: 'error', error: action.error };
    case 'slow-mode':
      return { ...state, slowModeSeconds: action.seconds };
    case 'mute':
      return { ...state, mute: action.mute };
    case 'access':
      return {
        ...state,
        access: action.change,
        canModerate: action.change.canModerate,
        canReact: action.change.canReact,
      };
    case 'viewers':
      return { ...state, viewers: action.count };
    case 'reactions': {
      const reactions = { ...state.reactions };
      for (const [kind, n] of Object.entries(action.counts) as Array<[ReactionKind, number]>) {
        reactions[kind] = (reactions[kind] ?? 0) + n;
      }
      return { ...state, reactions, reactionPulse: state.reactionPulse + 1 };
    }
  }
}

function lastSeqOf(messages: ChatMessageView[]): number | undefined {
  return messages.at(-1)?.seq;
}

/**
 * The last message up to which nothing is missing. A room's sequence numbers have no gaps, so a
 * gap is a broadcast that never arrived (Redis was away): catching up starts below it.
 */
export function contiguousSeqOf(messages: ChatMessageView[]): number | undefined {
  let last = messages[0]?.seq;
  for (const message of messages.slice(1)) {
    if (last !== undefined && message.seq !== last + 1) {
      break;
    }
    last = message.seq;
  }
  return last;
}

/** Join answers that no retry changes: the room is not there, or not for this person. */
const FINAL_JOIN_CODES: ReadonlySet<string> = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
]);

/**
 * One chat room over the shared live connection: joins it, keeps its messages in order, and
 * after a reconnect asks for exactly what came after the last message it has.
 */
export function useChatRoom(room: string, eventId: string) {
  const [state, dispatch] = useReducer(reduce, initial);
  const lastSeq = useRef<number | undefined>(undefined);
  lastSeq.current = contiguousSeqOf(state.messages);
  const oldestSeq = state.messages[0]?.seq;

  useEffect(() => {
    const socket = liveSocket();
    let active = true;

    let attempts = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let catchingUp: Promise<void> | null = null;
    let catchUpAgain = false;

    /** Reads what came after `from`, page by page, into the room. */
    const readAfter = async (from: number) => {
      let more = true;
      while (more && active) {
        const page = await liveCall('chat:history', { room, afterSeq: from });
        if (!active) {
          return;
        }
        dispatch({ type: 'messages', messages: page.messages });
        more = page.hasMore;
        from = lastSeqOf(page.messages) ?? from;
      }
    };

    const join = async () => {
      clearTimeout(retry);
      const afterSeq = lastSeq.current;
      try {
        const joined = await liveCall('room:join', { room, afterSeq });
        if (!active) {
          return;
        }
        attempts = 0;
        dispatch({ type: 'joined', joined, catchUp: afterSeq !== undefined });
        if (afterSeq !== undefined && joined.hasMore) {
          await readAfter(lastSeqOf(joined.messages) ?? afterSeq);
        }
      } catch (error) {
        if (!active || !(error instanceof LiveCallError)) {
          return;
        }
        if (FINAL_JOIN_CODES.has(error.code) || isFinalRefusal(error.code)) {
          dispatch({ type: 'failed', error });
          return;
        }
        // The server could not answer now (Redis or PostgreSQL away, a timeout): try again.
        dispatch({ type: 'connection', connection: 'reconnecting' });
        if (socket.connected) {
          retry = setTimeout(() => void join(), retryDelayMs(attempts++));
        }
      }
    };

    /** Asks for what this room missed, once at a time; a call meanwhile runs once more after. */
    const catchUp = () => {
      if (catchingUp) {
        catchUpAgain = true;
        return;
      }
      const from = lastSeq.current;
      if (from === undefined) {
        return;
      }
      catchingUp = readAfter(from)
        .catch(() => undefined)
        .finally(() => {
          catchingUp = null;
          if (catchUpAgain && active) {
            catchUpAgain = false;
            // lastSeq is current only after React rendered what came in.
            setTimeout(catchUp, 0);
          }
        });
    };

    const onConnect = () => void join();
    const onDisconnect = () => dispatch({ type: 'connection', connection: 'reconnecting' });
    const onConnectError = (error: Error & { data?: { code?: string } }) => {
      // Only authentication is final (live-connection.ts retries everything else).
      if (isFinalRefusal(error.data?.code)) {
        dispatch({
          type: 'failed',
          error: new LiveCallError({ code: 'UNAUTHENTICATED', message: error.message }),
        });
      } else {
        dispatch({ type: 'connection', connection: 'reconnecting' });
      }
    };
    const onResync = (resync: RoomResync) => {
      const have = lastSeq.current;
      if (resync.room === room && have !== undefined && resync.lastSeq > have) {
        catchUp();
      }
    };
    const onMessage = (message: ChatMessageView) => {
      if (message.room === room) {
        const have = lastSeq.current;
        dispatch({ type: 'messages', messages: [message] });
        // A gap before it: broadcasts were lost (Redis was away), so read them from the server.
        if (have !== undefined && message.seq > have + 1) {
          catchUp();
        }
      }
    };
    const onDeleted = (payload: {
      room: string;
      id: string;
      deleted: { at: string; reason: string };
    }) => {
      if (payload.room === room) {
        dispatch({ type: 'deleted', id: payload.id, deleted: payload.deleted });
      }
    };
    const onSettings = (payload: { room: string; slowModeSeconds: number }) => {
      if (payload.room === room) {
        dispatch({ type: 'slow-mode', seconds: payload.slowModeSeconds });
      }
    };
    const concernsRoom = (payload: { eventId: string; room: string | null }) =>
      payload.eventId === eventId && (payload.room === null || payload.room === room);
    const onMuted = (mute: ChatMuteState) => {
      if (concernsRoom(mute)) {
        dispatch({ type: 'mute', mute });
      }
    };
    const onUnmuted = (payload: { eventId: string; room: string | null }) => {
      if (concernsRoom(payload)) {
        dispatch({ type: 'mute', mute: null });
      }
    };
    const onPresence = (payload: { room: string; counter: string; count: number }) => {
      if (payload.room === room && payload.counter === 'viewers') {
        dispatch({ type: 'viewers', count: payload.count });
      }
    };
    const onAccess = (change: RoomAccessChanged) => {
      if (change.room === room) {
        dispatch({ type: 'access', change });
      }
    };
    const onReactions = (burst: ReactionBurst) => {
      if (burst.room === room) {
        dispatch({ type: 'reactions', counts: burst.counts });
      }
    };

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onConnectError);
    socket.on('chat:message', onMessage);
    socket.on('chat:deleted', onDeleted);
    socket.on('chat:settings', onSettings);
    socket.on('chat:muted', onMuted);
    socket.on('chat:unmuted', onUnmuted);
    socket.on('presence:count', onPresence);
    socket.on('reaction:burst', onReactions);
    socket.on('room:access-changed', onAccess);
    socket.on('room:resync', onResync);
    if (socket.connected) {
      void join();
    }
    return () => {
      active = false;
      clearTimeout(retry);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('chat:message', onMessage);
      socket.off('chat:deleted', onDeleted);
      socket.off('chat:settings', onSettings);
      socket.off('chat:muted', onMuted);
      socket.off('chat:unmuted', onUnmuted);
      socket.off('presence:count', onPresence);
      socket.off('reaction:burst', onReactions);
      socket.off('room:access-changed', onAccess);
      socket.off('room:resync', onResync);
      if (socket.connected) {
        liveCall('room:leave', { room }).catch(() => undefined);
      }
    };
  }, [room, eventId]);

  const loadOlder = useCallback(async () => {
    if (oldestSeq === undefined) {
      return;
    }
    const page = await liveCall('chat:history', { room, beforeSeq: oldestSeq });
    dispatch({ type: 'older', messages: page.messages, hasOlder: page.hasMore });
  }, [room, oldestSeq]);

  const send = useCallback(
    async (body: string) => {
      const { message } = await liveCall('chat:send', { room, body });
      dispatch({ type: 'messages', messages: [message] });
    },
    [room],
  );

  const moderation = {
    remove: (messageId: string, reason: string) =>
      liveCall('chat:delete', { room, messageId, reason }),
    mute: (userId: string, minutes: number, scope: 'room' | 'event', reason: string) =>
      liveCall('chat:mute', { room, userId, minutes, scope, reason }),
    slowMode: (seconds: number) => liveCall('chat:slow-mode', { room, seconds }),
  };

  const react = useCallback(
    (kind: ReactionKind) => liveCall('reaction:send', { room, kind }),
    [room],
  );

  return { state, loadOlder, send, moderation, react };
}
