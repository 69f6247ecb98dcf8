import { localParts, offsetMinutes } from './zoned-time';

/** One VEVENT; `uid` and `sequence` are what calendar apps match and order changes by. */
export interface CalendarEntry {
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  categories: string[];
  cancelled: boolean;
  lastModified: Date;
}

export interface CalendarDocument {
  name: string;
  timeZone: string;
  entries: CalendarEntry[];
  now?: Date;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** RFC 5545 TEXT escaping. */
function text(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      // CRLF, LF and a bare CR are each one line break; a raw CR would end the content line.
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function localStamp(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

function offset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

interface Transition {
  at: Date;
  from: number;
  to: number;
}

/** The zone's offset changes between two instants, found by weekly steps and bisection. */
function transitions(timeZone: string, from: Date, to: Date): Transition[] {
  const found: Transition[] = [];
  const week = 7 * 86_400_000;
  let t = from.getTime();
  let before = offsetMinutes(new Date(t), timeZone);
  while (t < to.getTime()) {
    const next = Math.min(t + week, to.getTime());
    const after = offsetMinutes(new Date(next), timeZone);
    if (after !== before) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
        if (offsetMinutes(new Date(mid), timeZone) === before) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi), from: before, to: after });
    }
    t = next;
    before = after;
  }
  return found;
}

/**
 * A VTIMEZONE for the years the entries span, written out transition by transition (no RRULE),
 * so it is exact for whatever the runtime's time zone database says about those years.
 */
function vtimezone(timeZone: string, entries: CalendarEntry[], now: Date): string[] {
  const instants = entries.flatMap((e) => [e.startsAt.getTime(), e.endsAt.getTime()]);
  const first = new Date(Math.min(now.getTime(), ...instants));
  const last = new Date(Math.max(now.getTime(), ...instants));
  const from = new Date(Date.UTC(first.getUTCFullYear() - 1, 0, 1));
  const to = new Date(Date.UTC(last.getUTCFullYear() + 2, 0, 1));
  const initial = offsetMinutes(from, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const component = (kind: string, start: string, fromOffset: number, toOffset: number): void => {
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${start}`,
      `TZOFFSETFROM:${offset(fromOffset)}`,
      `TZOFFSETTO:${offset(toOffset)}`,
      `END:${kind}`,
    );
  };
  const list = transitions(timeZone, from, to);
  // The offset in force before the first listed change (the whole range for a zone without DST).
  const firstChange = list[0];
  component(
    !firstChange || firstChange.to > initial ? 'STANDARD' : 'DAYLIGHT',
    `${from.toISOString().slice(0, 10).replace(/-/g, '')}T000000`,
    initial,
    initial,
  );
  for (const change of list) {
    // DTSTART is the wall-clock time at which the change happens, read on the old offset.
    const wall = new Date(change.at.getTime() + change.from * 60_000);
    component(
      change.to > change.from ? 'DAYLIGHT' : 'STANDARD',
      localStamp(wall, 'UTC'),
      change.from,
      change.to,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** An RFC 5545 calendar with the entries' times in the event's zone (TZID + VTIMEZONE). */
export function renderCalendar(doc: CalendarDocument): string {
  const now = doc.now ?? new Date();
  const tz = doc.timeZone;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plenum//Programme//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(doc.name)}`,
    `X-WR-TIMEZONE:${tz}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...vtimezone(tz, doc.entries, now),
  ];
  for (const e of doc.entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(e.lastModified)}`,
      `DTSTART;TZID=${tz}:${localStamp(e.startsAt, tz)}`,
      `DTEND;TZID=${tz}:${localStamp(e.endsAt, tz)}`,
      `SUMMARY:${text(e.summary)}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `URL:${e.url}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${text(e.description)}`);
    if (e.location) lines.push(`LOCATION:${text(e.location)}`);
    if (e.categories.length) lines.push(`CATEGORIES:${e.categories.map(text).join(',')}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
