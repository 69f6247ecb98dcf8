import { formatLocal, formatWithOffset, offsetMinutes, parseZoned } from './zoned-time';

describe('zoned time', () => {
  it('reads a wall-clock time in the event zone, summer and winter', () => {
    const summer = parseZoned('2026-07-01T10:00', 'Europe/Berlin');
    expect(summer).toEqual({ ok: true, at: new Date('2026-07-01T08:00:00Z') });
    const winter = parseZoned('2026-01-15T10:00:00', 'Europe/Berlin');
    expect(winter).toEqual({ ok: true, at: new Date('2026-01-15T09:00:00Z') });
  });

  it('takes a time with an offset as the instant it names', () => {
    expect(parseZoned('2026-07-01T10:00:00+05:30', 'Europe/Berlin')).toEqual({
      ok: true,
      at: new Date('2026-07-01T04:30:00Z'),
    });
    expect(parseZoned('2026-07-01T10:00:00Z', 'America/New_York')).toEqual({
      ok: true,
      at: new Date('2026-07-01T10:00:00Z'),
    });
  });

  it('refuses the hour skipped when summer time starts, and reads the repeated hour as the first', () => {
    expect(parseZoned('2026-03-29T02:30', 'Europe/Berlin')).toEqual({
      ok: false,
      reason: 'nonexistent',
    });
    expect(parseZoned('2026-10-25T02:30', 'Europe/Berlin')).toEqual({
      ok: true,
      at: new Date('2026-10-25T00:30:00Z'),
    });
    expect(parseZoned('2026-02-30T10:00', 'Europe/Berlin')).toEqual({
      ok: false,
      reason: 'format',
    });
  });

  it('formats instants in a zone, with and without the offset', () => {
    const at = new Date('2026-07-01T08:00:00Z');
    expect(formatLocal(at, 'Europe/Berlin')).toBe('2026-07-01T10:00');
    expect(formatWithOffset(at, 'Europe/Berlin')).toBe('2026-07-01T10:00:00+02:00');
    expect(formatWithOffset(at, 'America/New_York')).toBe('2026-07-01T04:00:00-04:00');
    expect(offsetMinutes(at, 'UTC')).toBe(0);
  });
});
