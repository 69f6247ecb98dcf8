import { describe, expect, it } from '@jest/globals';
import { canRetry, initialStageConnection, stageConnection } from './stage-connection';
import type { StageConnection, StageConnectionEvent } from './stage-connection';

const run = (...events: StageConnectionEvent[]): StageConnection =>
  events.reduce(stageConnection, initialStageConnection);

describe('stage connection', () => {
  it('goes live, loses the connection, reconnects', () => {
    expect(run({ type: 'connected', attempt: 1 })).toEqual({ phase: 'live', attempt: 1 });
    expect(run({ type: 'connected', attempt: 1 }, { type: 'reconnecting', attempt: 1 })).toEqual({
      phase: 'reconnecting',
      attempt: 1,
    });
    expect(
      run(
        { type: 'connected', attempt: 1 },
        { type: 'reconnecting', attempt: 1 },
        { type: 'reconnected', attempt: 1 },
      ),
    ).toEqual({ phase: 'live', attempt: 1 });
  });

  it('gives up when reconnecting fails, and a retry starts a new attempt', () => {
    const failed = run(
      { type: 'connected', attempt: 1 },
      { type: 'reconnecting', attempt: 1 },
      { type: 'disconnected', attempt: 1, reason: 'lost' },
    );
    expect(failed).toEqual({ phase: 'failed', attempt: 1, reason: 'unreachable' });
    expect(stageConnection(failed, { type: 'retry' })).toEqual({ phase: 'connecting', attempt: 2 });
  });

  it('ignores what the room of an earlier attempt still reports', () => {
    const retried = run(
      { type: 'failed', attempt: 1, reason: 'unreachable' },
      { type: 'retry' },
      { type: 'connected', attempt: 1 },
    );
    expect(retried).toEqual({ phase: 'connecting', attempt: 2 });
    expect(stageConnection(retried, { type: 'connected', attempt: 2 })).toEqual({
      phase: 'live',
      attempt: 2,
    });
  });

  it('says when the room was closed, and offers a retry only where it can help', () => {
    expect(
      run({ type: 'connected', attempt: 1 }, { type: 'disconnected', attempt: 1, reason: 'ended' }),
    ).toEqual({ phase: 'failed', attempt: 1, reason: 'ended' });
    expect(run({ type: 'retry' })).toEqual(initialStageConnection);
    expect(canRetry('unreachable')).toBe(true);
    expect(canRetry('ended')).toBe(true);
    expect(canRetry('denied')).toBe(false);
    expect(canRetry('not-configured')).toBe(false);
  });
});
