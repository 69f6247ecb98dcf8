import { roomKind } from './live-metrics.service';

describe('roomKind', () => {
  it('names a room by what it carries', () => {
    expect(roomKind('event:6f1c')).toBe('event');
    expect(roomKind('session-moderators:6f1c')).toBe('session-moderators');
    expect(roomKind('noprefix')).toBe('other');
    expect(roomKind(':odd')).toBe('other');
  });
});
