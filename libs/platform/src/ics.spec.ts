import { renderCalendar } from './ics';
import type { CalendarEntry } from './ics';

const entry = (summary: string, description: string): CalendarEntry => ({
  uid: 'a@plenum',
  sequence: 0,
  startsAt: new Date('2026-06-10T08:00:00Z'),
  endsAt: new Date('2026-06-10T09:00:00Z'),
  summary,
  description,
  location: null,
  url: 'https://kongress.example/e/x/sessions/a',
  categories: ['talk'],
  cancelled: false,
  lastModified: new Date('2026-06-01T08:00:00Z'),
});

describe('renderCalendar', () => {
  it('escapes CRLF, LF and a bare CR alike, so text never ends a content line', () => {
    const ics = renderCalendar({
      name: 'Kongress',
      timeZone: 'Europe/Berlin',
      now: new Date('2026-06-01T08:00:00Z'),
      entries: [entry('Eins\rZwei', 'a\r\nb\nc\rd')],
    });
    // Every CR is part of a CRLF line ending.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Eins\\nZwei\r\n');
    expect(unfolded).toContain('DESCRIPTION:a\\nb\\nc\\nd\r\n');
  });

  it('escapes backslashes, semicolons and commas', () => {
    const ics = renderCalendar({
      name: 'K',
      timeZone: 'UTC',
      now: new Date('2026-06-01T08:00:00Z'),
      entries: [entry('a;b,c\\d', '')],
    });
    expect(ics).toContain('SUMMARY:a\\;b\\,c\\\\d\r\n');
  });
});
