import { BoundedLabel } from './bounded-label';

describe('BoundedLabel', () => {
  it('passes the first values as they are and folds later ones into "other"', () => {
    const label = new BoundedLabel(2);
    expect(label.value('RATE_LIMITED')).toBe('RATE_LIMITED');
    expect(label.value('NOT_IN_ROOM')).toBe('NOT_IN_ROOM');
    expect(label.value('QA_CLOSED')).toBe('other');
    // Values seen before the limit was reached keep their own series.
    expect(label.value('RATE_LIMITED')).toBe('RATE_LIMITED');
  });

  it('folds malformed values without using up the limit', () => {
    const label = new BoundedLabel(1);
    expect(label.value('x'.repeat(65))).toBe('other');
    expect(label.value('bad"quote')).toBe('other');
    expect(label.value('')).toBe('other');
    expect(label.value('ok')).toBe('ok');
  });
});
