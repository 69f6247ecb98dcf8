import type { Session } from '@plenum/db';
import { slugify, uuidV5 } from './exchange-ids';
import type { ProgrammeData } from './programme-reader.service';
import { addDays, formatLocal, formatWithOffset, localDay, parseZoned } from '@plenum/platform';

/**
 * The programme in the frab/pretalx "schedule" exchange format, as JSON (valid against the
 * c3voc schema) and XML (valid against schedule.xml.xsd). Both are built from one outline so
 * they never disagree.
 */

const GENERATOR = { name: 'Plenum', version: '0.1.0' };

interface ExportedEvent {
  guid: string;
  id: number;
  date: string;
  end: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  persons: Array<{ guid: string; name: string; biography: string }>;
}

interface Outline {
  acronym: string;
  title: string;
  description: string;
  start: string;
  end: string;
  timeZone: string;
  version: string;
  baseUrl: string;
  url: string;
  tracks: Array<{ name: string; color: string; slug: string }>;
  rooms: Array<{ name: string; guid: string }>;
  days: Array<{
    index: number;
    date: string;
    dayStart: string;
    dayEnd: string;
    rooms: Array<{ name: string; guid: string; events: ExportedEvent[] }>;
  }>;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function duration(session: Session): string {
  const minutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `digitale-staedte` → `digitale_staedte`: the schema allows no inner hyphen in an acronym. */
function acronymOf(slug: string): string {
  const acronym = slug.replace(/-/g, '_');
  return acronym.length >= 4 ? acronym : `${acronym}_event`;
}

function midnight(day: string, timeZone: string): Date {
  const parsed = parseZoned(`${day}T00:00`, timeZone);
  // Where midnight is skipped (a few zones change clocks then), the day starts an hour later.
  if (parsed.ok) return parsed.at;
  const later = parseZoned(`${day}T01:00`, timeZone);
  return later.ok ? later.at : new Date(`${day}T00:00:00Z`);
}

function outline(data: ProgrammeData, publicUrl: string, otherRoomName: string): Outline {
  const { event } = data;
  // Schedule tools have no notion of a cancelled talk; it leaves the exported plan.
  const sessions = data.sessions.filter((s) => s.state !== 'cancelled');
  const tz = event.timeZone;
  const base = publicUrl.replace(/\/$/, '');
  const acronym = acronymOf(event.slug);
  const stageById = new Map(data.stages.map((s) => [s.id, s]));
  const trackById = new Map(data.tracks.map((t) => [t.id, t]));
  const speakerById = new Map(data.speakers.map((s) => [s.id, s]));
  const otherRoom = { name: otherRoomName, guid: uuidV5(`plenum:${event.id}:other-room`) };
  const roomOf = (s: Session): { name: string; guid: string } => {
    const stage = s.stageId ? stageById.get(s.stageId) : undefined;
    return stage ? { name: stage.name, guid: stage.guid } : otherRoom;
  };

  const dayKeys = new Set(sessions.map((s) => localDay(s.startsAt, tz)));
  for (let d = event.startsOn; d <= event.endsOn; d = addDays(d, 1)) dayKeys.add(d);
  const days = [...dayKeys].sort();

  const latest = data.sessions.reduce(
    (max, s) => Math.max(max, s.updatedAt.getTime()),
    event.updatedAt.getTime(),
  );
  const usedRooms = new Map<string, { name: string; guid: string }>();
  for (const s of data.stages) usedRooms.set(s.guid, { name: s.name, guid: s.guid });
  if (sessions.some((s) => !s.stageId || !stageById.has(s.stageId))) {
    usedRooms.set(otherRoom.guid, otherRoom);
  }

  return {
    acronym,
    title: event.title,
    description: event.description,
    start: event.startsOn,
    end: event.endsOn,
    timeZone: tz,
    version: new Date(latest).toISOString(),
    baseUrl: `${base}/`,
    url: `${base}/e/${encodeURIComponent(event.slug)}/programme`,
    tracks: data.tracks.map((t) => ({
      name: t.name,
      color: t.color.toLowerCase(),
      slug: /^[a-z]/.test(slugify(t.name)) ? slugify(t.name) : `track-${slugify(t.name) || 'x'}`,
    })),
    rooms: [...usedRooms.values()],
    days: days.map((date, i) => {
      const events = sessions.filter((s) => localDay(s.startsAt, tz) === date);
      const rooms = [...usedRooms.values()].map((room) => ({
        ...room,
        events: events
          .filter((s) => roomOf(s).guid === room.guid)
          .map((s): ExportedEvent => ({
            guid: s.guid,
            id: s.number,
            date: formatWithOffset(s.startsAt, tz),
            end: formatWithOffset(s.endsAt, tz),
            start: formatLocal(s.startsAt, tz).slice(11),
            duration: duration(s),
            room: room.name,
            slug: `${acronym}-${s.number}-${slugify(s.title).slice(0, 60).replace(/-+$/, '') || 'session'}`,
            url: `${base}/e/${encodeURIComponent(event.slug)}/programme/sessions/${s.id}`,
            title: s.title,
            track: s.trackId ? (trackById.get(s.trackId)?.name ?? null) : null,
            type: s.kind,
            language: s.language ?? event.defaultLocale,
            abstract: s.abstract,
            persons: (data.links.get(s.id) ?? []).flatMap((l) => {
              const p = speakerById.get(l.speakerId);
              return p ? [{ guid: p.guid, name: p.name, biography: p.biography }] : [];
            }),
          })),
      }));
      const nextMidnight = midnight(addDays(date, 1), tz);
      return {
        index: i + 1,
        date,
        dayStart: formatWithOffset(midnight(date, tz), tz),
        dayEnd: formatWithOffset(new Date(nextMidnight.getTime() - 1000), tz),
        rooms,
      };
    }),
  };
}

// The schema's own pattern (unanchored at the end on purpose: `America/Argentina/Salta` passes).
const SCHEMA_TIME_ZONE = /^([A-Z][a-z]+\/[A-Z][a-z]+)|UTC$/;

export function scheduleJson(data: ProgrammeData, publicUrl: string, otherRoom: string): unknown {
  const o = outline(data, publicUrl, otherRoom);
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { ...GENERATOR, url: 'https://github.com/plenum' },
    schedule: {
      version: o.version,
      base_url: o.baseUrl,
      conference: {
        acronym: o.acronym,
        title: o.title,
        ...(o.description && { description: o.description }),
        start: o.start,
        end: o.end,
        daysCount: o.days.length,
        timeslot_duration: '00:05',
        ...(SCHEMA_TIME_ZONE.test(o.timeZone) && { time_zone_name: o.timeZone }),
        url: o.url,
        tracks: o.tracks,
        rooms: o.rooms,
        days: o.days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: d.dayStart,
          day_end: d.dayEnd,
          rooms: Object.fromEntries(
            d.rooms.map((r) => [
              r.name,
              r.events.map((e) => ({
                guid: e.guid,
                id: e.id,
                date: e.date,
                start: e.start,
                end: e.end,
                duration: e.duration,
                room: e.room,
                slug: e.slug,
                url: e.url,
                title: e.title,
                subtitle: '',
                track: e.track,
                type: e.type,
                language: e.language,
                abstract: e.abstract,
                description: '',
                persons: e.persons,
                links: [],
              })),
            ]),
          ),
        })),
      },
    },
  };
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

function esc(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
      .replace(XML_FORBIDDEN, '')
  );
}

function el(name: string, value: string, indent: string): string {
  return `${indent}<${name}>${esc(value)}</${name}>`;
}

export function scheduleXml(data: ProgrammeData, publicUrl: string, otherRoom: string): string {
  const o = outline(data, publicUrl, otherRoom);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `  <generator name="${GENERATOR.name}" version="${GENERATOR.version}"/>`,
    el('version', o.version, '  '),
    '  <conference>',
    el('acronym', o.acronym, '    '),
    el('title', o.title, '    '),
    el('start', o.start, '    '),
    el('end', o.end, '    '),
    el('days', String(o.days.length), '    '),
    el('timeslot_duration', '00:05', '    '),
    el('base_url', o.baseUrl, '    '),
    el('url', o.url, '    '),
    el('time_zone_name', o.timeZone, '    '),
    ...o.tracks.map(
      (t) => `    <track name="${esc(t.name)}" color="${esc(t.color)}" slug="${esc(t.slug)}"/>`,
    ),
    '  </conference>',
  ];
  for (const day of o.days) {
    out.push(
      `  <day index="${day.index}" date="${day.date}" start="${day.dayStart}" end="${day.dayEnd}">`,
    );
    for (const room of day.rooms) {
      out.push(`    <room name="${esc(room.name)}" guid="${room.guid}">`);
      for (const e of room.events) {
        const i = '        ';
        out.push(
          `      <event guid="${e.guid}" id="${e.id}">`,
          el('room', e.room, i),
          el('title', e.title, i),
          el('subtitle', '', i),
          el('type', e.type, i),
          el('date', e.date, i),
          el('start', e.start, i),
          el('duration', e.duration, i),
          el('abstract', e.abstract, i),
          el('slug', e.slug, i),
          el('track', e.track ?? '', i),
          el('language', e.language, i),
          el('description', '', i),
          `${i}<persons>`,
          ...e.persons.map((p) => `${i}  <person guid="${p.guid}">${esc(p.name)}</person>`),
          `${i}</persons>`,
          `${i}<links/>`,
          el('url', e.url, i),
          '      </event>',
        );
      }
      out.push('    </room>');
    }
    out.push('  </day>');
  }
  out.push('</schedule>', '');
  return out.join('\n');
}
