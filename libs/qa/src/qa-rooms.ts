import { rooms } from '@plenum/contracts';

/*
 * Server-only rooms: clients cannot name them in room:join. The gateway puts a session's
 * moderators into the first when they join the session room, and a voter's sockets into the
 * second when they vote, so live poll results reach exactly those people.
 */
export const qaRooms = {
  moderators: (sessionId: string) => `session-moderators:${sessionId}`,
  pollVoters: (pollId: string) => `poll-voters:${pollId}`,
  audience: (sessionId: string) => rooms.session(sessionId),
} as const;

/** Where a socket event about a session's Q&A or polls happens, and what the person may do. */
export interface QaPlace {
  eventId: string;
  sessionId: string;
  /** Organizers and the event's or this session's moderators (`session.moderate`). */
  canModerate: boolean;
}

export interface QaPerson {
  userId: string;
  displayName: string;
}

/** Keeps question text plain: line breaks survive, control and bidi characters do not. */
export function normaliseQuestionText(body: string): string {
  return (
    body
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
