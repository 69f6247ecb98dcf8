import { describe, expect, it } from '@jest/globals';
import type { ChatMessageView } from '@plenum/contracts';
import { isFinalRefusal, retryDelayMs } from './live-connection';
import { contiguousSeqOf } from './use-chat-room';

const message = (seq: number): ChatMessageView => ({
  id: `m${seq}`,
  room: 'session:x',
  seq,
  author: null,
  body: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  deleted: null,
});

describe('reconnecting to /live', () => {
  it('gives up only when authentication refuses', () => {
    expect(isFinalRefusal('UNAUTHENTICATED')).toBe(true);
    for (const code of ['INTERNAL', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED', undefined]) {
      expect(isFinalRefusal(code)).toBe(false);
    }
  });

  it('backs off from 0.5 s to at most 10 s, spread by ±50 %', () => {
    expect(retryDelayMs(0, () => 0.5)).toBe(500);
    expect(retryDelayMs(3, () => 0.5)).toBe(4000);
    expect(retryDelayMs(30, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(30, () => 0)).toBe(5000);
    expect(retryDelayMs(30, () => 0.999)).toBeLessThan(15_000);
  });

  it('catches up from below the first gap, where a broadcast was lost', () => {
    expect(contiguousSeqOf([])).toBeUndefined();
    expect(contiguousSeqOf([4, 5, 6].map(message))).toBe(6);
    expect(contiguousSeqOf([4, 5, 7, 8].map(message))).toBe(5);
  });
});
