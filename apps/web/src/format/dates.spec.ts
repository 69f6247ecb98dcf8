import { describe, expect, it } from '@jest/globals';
import { eventDayKey, formatEventDays, formatTimeRange, viewerInOtherTimeZone } from './dates';

describe('formatEventDays', () => {
  // ICU versions differ in the spaces around the dash, so the patterns allow either.
  it('prints a two-day congress as one range in the reader’s language', () => {
    expect(formatEventDays('2026-05-12', '2026-05-13', 'de-DE')).toMatch(
      /^12\.\s?–\s?13\. Mai 2026$/,
    );
    expect(formatEventDays('2026-05-12', '2026-05-13', 'en-GB')).toMatch(/^12\s?–\s?13 May 2026$/);
  });

  it('prints a one-day event as a single date', () => {
    expect(formatEventDays('2026-05-12', '2026-05-12', 'de-DE')).toBe('12. Mai 2026');
  });

  it('shows a malformed date as it came rather than failing', () => {
    expect(formatEventDays('soon', 'later', 'de-DE')).toBe('soon – later');
  });
});

describe('formatTimeRange', () => {
  it('shows session times on the event’s clock, not the server’s', () => {
    // 08:00Z is 10:00 in Berlin in summer.
    expect(
      formatTimeRange(
        '2026-05-12T08:00:00.000Z',
        '2026-05-12T08:45:00.000Z',
        'Europe/Berlin',
        'de-DE',
      ),
    ).toMatch(/^10:00\s?–\s?10:45/);
  });
});

describe('eventDayKey', () => {
  it('puts a late-evening session on the event’s day even when UTC has moved on', () => {
    expect(eventDayKey('2026-05-12T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-05-13');
    expect(eventDayKey('2026-05-12T21:30:00.000Z', 'Europe/Berlin')).toBe('2026-05-12');
  });
});

describe('viewerInOtherTimeZone', () => {
  it('needs no note when the viewer is on the event’s clock', () => {
    const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(viewerInOtherTimeZone(viewer, '2026-05-12T08:00:00.000Z')).toBe(false);
  });
});
