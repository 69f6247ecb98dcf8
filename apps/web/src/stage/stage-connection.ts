/** Why the stage could not be joined; each reason has its own message and whether to retry. */
export type StageFailure = 'unreachable' | 'denied' | 'not-configured' | 'ended';

export type StageConnection =
  | { phase: 'connecting'; attempt: number }
  | { phase: 'live'; attempt: number }
  | { phase: 'reconnecting'; attempt: number }
  | { phase: 'failed'; attempt: number; reason: StageFailure };

export type StageConnectionEvent =
  | { type: 'retry' }
  | { type: 'connected'; attempt: number }
  | { type: 'reconnecting'; attempt: number }
  | { type: 'reconnected'; attempt: number }
  | { type: 'failed'; attempt: number; reason: StageFailure }
  | { type: 'disconnected'; attempt: number; reason: 'ended' | 'lost' };

export const initialStageConnection: StageConnection = { phase: 'connecting', attempt: 1 };

/**
 * The stage's connection as the audience sees it. Every event carries the attempt it belongs to,
 * so a late event from a room that was given up (the one before a retry) changes nothing.
 */
export function stageConnection(
  state: StageConnection,
  event: StageConnectionEvent,
): StageConnection {
  if (event.type === 'retry') {
    if (state.phase !== 'failed') return state;
    return { phase: 'connecting', attempt: state.attempt + 1 };
  }
  if (event.attempt !== state.attempt || state.phase === 'failed') return state;
  switch (event.type) {
    case 'connected':
      return state.phase === 'connecting' ? { phase: 'live', attempt: state.attempt } : state;
    case 'reconnecting':
      return state.phase === 'live' ? { phase: 'reconnecting', attempt: state.attempt } : state;
    case 'reconnected':
      return state.phase === 'reconnecting' ? { phase: 'live', attempt: state.attempt } : state;
    case 'failed':
      return { phase: 'failed', attempt: state.attempt, reason: event.reason };
    case 'disconnected':
      return {
        phase: 'failed',
        attempt: state.attempt,
        reason: event.reason === 'ended' ? 'ended' : 'unreachable',
      };
  }
}

/** Whether trying again can help: a refusal or a missing LiveKit stays as it is. */
export function canRetry(reason: StageFailure): boolean {
  return reason === 'unreachable' || reason === 'ended';
}
