/**
 * Conversions between instants (stored in UTC) and wall-clock times in an IANA time zone, with
 * nothing but Intl: the programme is entered and shown in the event's zone.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: 120). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2026-05-04T10:00` as the zone's clock shows the instant. */
export function formatLocal(at: Date, timeZone: string, seconds = false): string {
  const p = localParts(at, timeZone);
  const base = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
  return seconds ? `${base}:${pad(p.second)}` : base;
}

/** The zone's calendar day of the instant, `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  return formatLocal(at, timeZone).slice(0, 10);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 with the zone's offset, e.g. `2026-05-04T10:00:00+02:00` (schedule exchange). */
export function formatWithOffset(at: Date, timeZone: string): string {
  return `${formatLocal(at, timeZone, true)}${formatOffset(offsetMinutes(at, timeZone))}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/;

export type ZonedParse = { ok: true; at: Date } | { ok: false; reason: 'format' | 'nonexistent' };

/**
 * Reads a time as the API accepts it: ISO 8601 with an offset (`…Z`, `…+02:00`) is an instant;
 * without one (`2026-05-04T10:00`) it is a wall-clock time in `timeZone`. A wall-clock time that
 * the zone skips (the hour lost when summer time starts) is refused rather than guessed; one
 * that happens twice (the hour repeated in autumn) means the first.
 */
export function parseZoned(value: string, timeZone: string): ZonedParse {
  if (WITH_OFFSET.test(value)) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? { ok: false, reason: 'format' } : { ok: true, at };
  }
  const m = LOCAL.exec(value);
  if (!m) return { ok: false, reason: 'format' };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, reason: 'format' };
  }
  // The offset can only be one of the offsets around that time; try the earlier one first.
  const candidates = [
    ...new Set([
      offsetMinutes(new Date(wall - 36 * 3_600_000), timeZone),
      offsetMinutes(new Date(wall), timeZone),
      offsetMinutes(new Date(wall + 36 * 3_600_000), timeZone),
    ]),
  ].sort((a, b) => b - a);
  for (const offset of candidates) {
    const at = new Date(wall - offset * 60_000);
    const back = localParts(at, timeZone);
    if (
      Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute, back.second) === wall
    ) {
      return { ok: true, at };
    }
  }
  return { ok: false, reason: 'nonexistent' };
}

/** Adds days to a `YYYY-MM-DD` calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
