import type { FieldError, SessionKind } from '@plenum/contracts';
import { timeZoneSchema } from '@plenum/contracts';
import { UUID, uuidV5 } from './exchange-ids';
import { parseZoned } from '@plenum/platform';

/**
 * Reads schedule JSON as pretalx and frab write it, which is not always what the strict schema
 * says. Whatever can be read is read, and each deviation becomes a warning; only what the
 * programme cannot do without (a conference, days, an event's title, start and duration) or a
 * malformed structure is an error, with the place named as a path into the file.
 */

export interface ImportedPerson {
  guid: string;
  name: string;
  biography: string;
}

export interface ImportedSession {
  path: string;
  guid: string;
  title: string;
  abstract: string;
  kind: SessionKind;
  startsAt: Date;
  endsAt: Date;
  room: string;
  track: string | null;
  language: string | null;
  persons: ImportedPerson[];
}

export interface ImportedSchedule {
  title: string;
  acronym: string | null;
  timeZone: string | null;
  trackColors: Map<string, string>;
  sessions: ImportedSession[];
}

export interface ReadResult {
  schedule: ImportedSchedule | null;
  errors: FieldError[];
  warnings: FieldError[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const conferenceKeys = new Set([
  'acronym',
  'title',
  'description',
  'start',
  'end',
  'daysCount',
  'timeslot_duration',
  'time_zone_name',
  'logo',
  'colors',
  'keywords',
  'url',
  'tracks',
  'rooms',
  'meta',
  'days',
]);
const dayKeys = new Set(['index', 'date', 'day_start', 'day_end', 'rooms']);
const eventKeys = new Set([
  'guid',
  'code',
  'id',
  'logo',
  'date',
  'start',
  'end',
  'duration',
  'room',
  'slug',
  'url',
  'title',
  'subtitle',
  'track',
  'type',
  'language',
  'abstract',
  'description',
  'recording_license',
  'do_not_record',
  'do_not_stream',
  'persons',
  'links',
  'feedback_url',
  'origin_url',
  'attachments',
]);
const ACRONYM = /^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$/;
const SLUG = /^[a-z0-9_-]+[a-z0-9]$/;
const DURATION = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/;
const START = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** pretalx and frab call the same things by many names; the rest is read as a talk. */
function kindOf(type: string): SessionKind | null {
  const t = type.toLowerCase();
  if (/keynote/.test(t)) return 'keynote';
  if (/panel|podium|discussion/.test(t)) return 'panel';
  if (/workshop|hands-on|tutorial/.test(t)) return 'workshop';
  if (/break|pause|lunch|coffee/.test(t)) return 'break';
  if (/forum|meeting|meetup|assembly/.test(t)) return 'forum';
  if (/expo|exhibition/.test(t)) return 'expo';
  if (/talk|lecture|vortrag|presentation|performance/.test(t)) return 'talk';
  return null;
}

/** Schedule texts may carry HTML line breaks; the programme shows plain text. */
function plain(value: string): string {
  return value
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\r\n/g, '\n')
    .trim();
}

/** Collapses a deviation that repeats in every event into one warning with a count. */
class Warnings {
  private readonly byKind = new Map<string, { path: string; message: string; more: number }>();

  add(kind: string, path: string, message: string): void {
    const seen = this.byKind.get(kind);
    if (seen) seen.more += 1;
    else this.byKind.set(kind, { path, message, more: 0 });
  }

  list(): FieldError[] {
    return [...this.byKind.values()].map((w) => ({
      path: w.path,
      message: w.more ? `${w.message} (and ${w.more} more like it)` : w.message,
    }));
  }
}

export function readSchedule(body: unknown, fallbackTimeZone: string): ReadResult {
  const errors: FieldError[] = [];
  const warnings = new Warnings();
  const fail = (path: string, message: string): ReadResult => ({
    schedule: null,
    errors: [...errors, { path, message }],
    warnings: warnings.list(),
  });

  if (!isObject(body)) return fail('(body)', 'A schedule file is a JSON object');
  const schedule = body.schedule;
  if (!isObject(schedule)) return fail('schedule', 'The file has no "schedule" object');
  if (typeof schedule.version !== 'string') {
    warnings.add('version', 'schedule.version', 'No version given');
  }
  if ('rooms' in schedule) {
    warnings.add(
      'schedule-rooms',
      'schedule.rooms',
      'A room list belongs in schedule.conference.rooms; this one is ignored',
    );
  }
  const conference = schedule.conference;
  if (!isObject(conference)) return fail('schedule.conference', 'The schedule has no conference');
  for (const key of Object.keys(conference)) {
    if (!conferenceKeys.has(key)) {
      warnings.add(
        `conf-key-${key}`,
        `schedule.conference.${key}`,
        'Not part of the format; ignored',
      );
    }
  }
  const title = str(conference.title) ?? '';
  if (!title)
    warnings.add('conf-title', 'schedule.conference.title', 'The conference has no title');
  const acronym = str(conference.acronym);
  if (!acronym) {
    warnings.add('acronym', 'schedule.conference.acronym', 'The conference has no acronym');
  } else if (!ACRONYM.test(acronym)) {
    warnings.add(
      'acronym',
      'schedule.conference.acronym',
      `"${acronym}" does not match the format's acronym pattern`,
    );
  }
  let timeZone = str(conference.time_zone_name);
  if (timeZone && !timeZoneSchema.safeParse(timeZone).success) {
    warnings.add('tz', 'schedule.conference.time_zone_name', `Unknown time zone "${timeZone}"`);
    timeZone = null;
  }
  if (!timeZone) {
    warnings.add(
      'tz-missing',
      'schedule.conference.time_zone_name',
      `No time zone given: times are read from their UTC offsets, or in ${fallbackTimeZone} where they have none`,
    );
  }
  const zone = timeZone ?? fallbackTimeZone;

  const trackColors = new Map<string, string>();
  if (Array.isArray(conference.tracks)) {
    conference.tracks.forEach((t, i) => {
      if (isObject(t) && typeof t.name === 'string') {
        const color = str(t.color);
        if (color && /^#[0-9a-fA-F]{6}$/.test(color)) trackColors.set(t.name, color);
        if (t.slug !== undefined && !(typeof t.slug === 'string' && SLUG.test(t.slug))) {
          warnings.add(
            'track-slug',
            `schedule.conference.tracks[${i}].slug`,
            'Track slug does not match the pattern',
          );
        }
      }
    });
  }

  const days = conference.days;
  if (!Array.isArray(days) || days.length === 0) {
    return fail('schedule.conference.days', 'The schedule has no days');
  }

  const sessions: ImportedSession[] = [];
  const seenGuids = new Set<string>();
  days.forEach((day, d) => {
    const dayPath = `schedule.conference.days[${d}]`;
    if (!isObject(day)) {
      errors.push({ path: dayPath, message: 'A day must be an object' });
      return;
    }
    for (const key of Object.keys(day)) {
      if (!dayKeys.has(key))
        warnings.add(`day-key-${key}`, `${dayPath}.${key}`, 'Not part of the format; ignored');
    }
    const dayDate = str(day.date);
    if (!dayDate) warnings.add('day-date', `${dayPath}.date`, 'The day has no date');
    if (!isObject(day.rooms)) {
      errors.push({ path: `${dayPath}.rooms`, message: 'The day has no rooms object' });
      return;
    }
    for (const [room, events] of Object.entries(day.rooms)) {
      const roomPath = `${dayPath}.rooms[${JSON.stringify(room)}]`;
      if (!Array.isArray(events)) {
        errors.push({ path: roomPath, message: 'A room must list its events in an array' });
        continue;
      }
      events.forEach((raw, e) => {
        const path = `${roomPath}[${e}]`;
        const session = readEvent(raw, path, { room, dayDate, zone, acronym, errors, warnings });
        if (!session) return;
        if (seenGuids.has(session.guid)) {
          warnings.add(
            'dup-guid',
            `${path}.guid`,
            `guid ${session.guid} appears twice; the later one is skipped`,
          );
          return;
        }
        seenGuids.add(session.guid);
        sessions.push(session);
      });
    }
  });

  return {
    schedule: errors.length ? null : { title, acronym, timeZone, trackColors, sessions },
    errors,
    warnings: warnings.list(),
  };
}

interface EventContext {
  room: string;
  dayDate: string | null;
  zone: string;
  acronym: string | null;
  errors: FieldError[];
  warnings: Warnings;
}

function readEvent(raw: unknown, path: string, ctx: EventContext): ImportedSession | null {
  const { errors, warnings } = ctx;
  if (!isObject(raw)) {
    errors.push({ path, message: 'An event must be an object' });
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!eventKeys.has(key))
      warnings.add(`event-key-${key}`, `${path}.${key}`, 'Not part of the format; ignored');
  }
  let ok = true;
  const title = str(raw.title)?.trim() ?? '';
  if (!title) {
    errors.push({ path: `${path}.title`, message: 'The event has no title' });
    ok = false;
  }

  let startsAt: Date | null = null;
  const date = str(raw.date);
  const start = str(raw.start);
  if (date) {
    const parsed = parseZoned(date.replace(/(\.\d{3})\d+/, '$1'), ctx.zone);
    if (parsed.ok) {
      startsAt = parsed.at;
      if (!/(?:Z|[+-]\d{2}:?\d{2})$/.test(date)) {
        warnings.add(
          'local-date',
          `${path}.date`,
          `The date has no UTC offset; read in ${ctx.zone}`,
        );
      }
    } else {
      errors.push({ path: `${path}.date`, message: `"${date}" is not a date and time` });
      ok = false;
    }
  } else if (start && START.test(start) && ctx.dayDate) {
    const parsed = parseZoned(`${ctx.dayDate}T${start}`, ctx.zone);
    if (parsed.ok) {
      startsAt = parsed.at;
      warnings.add(
        'no-date',
        `${path}.date`,
        `No date; read from the day and "start" in ${ctx.zone}`,
      );
    }
  }
  if (!startsAt && ok) {
    errors.push({
      path: `${path}.date`,
      message: "The event has no start (date, or the day's date and start)",
    });
    ok = false;
  }

  const duration = str(raw.duration);
  const match = duration ? DURATION.exec(duration) : null;
  let minutes = 0;
  if (!match) {
    errors.push({
      path: `${path}.duration`,
      message: duration ? `"${duration}" is not a duration (hh:mm)` : 'The event has no duration',
    });
    ok = false;
  } else {
    minutes = Number(match[1]) * 60 + Number(match[2]) + Math.ceil(Number(match[3] ?? 0) / 60);
    if (minutes <= 0) {
      errors.push({ path: `${path}.duration`, message: 'The duration must be longer than zero' });
      ok = false;
    }
  }
  if (!ok || !startsAt) return null;

  const guidText = str(raw.guid);
  let guid: string;
  if (guidText && UUID.test(guidText)) {
    guid = guidText.toLowerCase();
  } else {
    const basis = JSON.stringify(
      raw.id ?? raw.code ?? raw.slug ?? `${title}@${startsAt.toISOString()}`,
    );
    guid = uuidV5(`schedule:${ctx.acronym ?? ''}:event:${basis}`);
    warnings.add('guid', `${path}.guid`, `No valid guid; ${guid} is derived from the event's id`);
  }
  if (raw.id !== undefined && !(Number.isInteger(raw.id) && (raw.id as number) >= 1)) {
    warnings.add('event-id', `${path}.id`, 'The id should be a positive integer');
  }
  if (raw.slug !== undefined && !(typeof raw.slug === 'string' && SLUG.test(raw.slug))) {
    warnings.add('event-slug', `${path}.slug`, "The slug does not match the format's pattern");
  }
  if (str(raw.room) !== null && raw.room !== ctx.room) {
    warnings.add(
      'room-name',
      `${path}.room`,
      `The event names room "${String(raw.room)}" but is listed under "${ctx.room}"`,
    );
  }
  const type = str(raw.type) ?? '';
  let kind = kindOf(type);
  if (!kind) {
    kind = 'talk';
    warnings.add(`type-${type}`, `${path}.type`, `Type "${type}" is read as a talk`);
  }
  const abstract = plain(str(raw.abstract) ?? '');
  const description = plain(str(raw.description) ?? '');
  const persons: ImportedPerson[] = [];
  if (Array.isArray(raw.persons)) {
    raw.persons.forEach((p, k) => {
      const personPath = `${path}.persons[${k}]`;
      if (!isObject(p)) {
        warnings.add('person-shape', personPath, 'A person must be an object; skipped');
        return;
      }
      const name = str(p.name) ?? str(p.public_name);
      const frabShaped = typeof p.public_name === 'string' && Number.isInteger(p.id);
      if (typeof p.name !== 'string' && !frabShaped) {
        warnings.add(
          'person-schema',
          personPath,
          'The person has neither "name" (pretalx) nor "public_name" with an integer "id" (frab)',
        );
      }
      if (!name) {
        warnings.add('person-name', personPath, 'The person has no name; skipped');
        return;
      }
      const personGuid = str(p.guid);
      persons.push({
        guid:
          personGuid && UUID.test(personGuid)
            ? personGuid.toLowerCase()
            : uuidV5(
                `schedule:${ctx.acronym ?? ''}:person:${JSON.stringify(p.code ?? p.id ?? name)}`,
              ),
        name: name.trim().slice(0, 160),
        biography: plain(str(p.biography) ?? ''),
      });
    });
  } else if (raw.persons !== undefined) {
    warnings.add('persons', `${path}.persons`, 'persons must be a list; ignored');
  }

  return {
    path,
    guid,
    title: title.slice(0, 300),
    abstract:
      description && description !== abstract
        ? [abstract, description].filter(Boolean).join('\n\n')
        : abstract,
    kind,
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    room: ctx.room.slice(0, 120),
    track: str(raw.track)?.trim().slice(0, 120) || null,
    language: str(raw.language)?.slice(0, 8) || null,
    persons,
  };
}
