import ICAL from 'ical.js';
import type { CalendarFeedView, SessionWriteResult } from '@plenum/contracts';
import { create, createEvent } from '../support/programme-fixtures';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  tzid: string | null;
  start: Date;
  end: Date;
}

/** Reads a feed with ical.js, registering its VTIMEZONE so local times convert to instants. */
function parseFeed(text: string): { timeZones: string[]; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const timeZones = calendar.getAllSubcomponents('vtimezone').map((vtz) => {
    const tz = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(tz, tz.tzid);
    return tz.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty('dtstart');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue('status')),
      summary: event.summary,
      tzid: dtstart?.getParameter('tzid') ?? null,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    } as ParsedEvent;
  });
  return { timeZones, events };
}

jest.setTimeout(60_000);

describe('calendars: the public schedule.ics and personal agenda feeds', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let attendee: ApiClient;
  const slug = 'kalender-test';
  let moved: SessionWriteResult['session'];
  let cancelled: SessionWriteResult['session'];
  let winter: SessionWriteResult['session'];

  const fetchText = async (path: string) => {
    const res = await fetch(path.startsWith('http') ? path : `${t.baseUrl}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
    await createEvent(organizer, slug, {
      timeZone: 'America/New_York',
      startsOn: '2026-01-20',
      endsOn: '2026-07-01',
    });
    const stage = await create(organizer, `/api/events/${slug}/stages`, { name: 'Hall A' });
    moved = (
      await create<SessionWriteResult>(organizer, `/api/events/${slug}/sessions`, {
        title: 'Summer talk',
        kind: 'talk',
        startsAt: '2026-06-30T10:00',
        endsAt: '2026-06-30T11:00',
        stageId: stage.id,
      })
    ).session;
    winter = (
      await create<SessionWriteResult>(organizer, `/api/events/${slug}/sessions`, {
        title: 'Winter talk; with, commas',
        kind: 'keynote',
        abstract: 'Line one\nLine two',
        startsAt: '2026-01-20T10:00',
        endsAt: '2026-01-20T11:00',
      })
    ).session;
    cancelled = (
      await create<SessionWriteResult>(organizer, `/api/events/${slug}/sessions`, {
        title: 'Will be cancelled',
        kind: 'panel',
        startsAt: '2026-06-30T14:00',
        endsAt: '2026-06-30T15:00',
      })
    ).session;
  });
  afterAll(() => t.close());

  it('serves the whole programme as iCalendar with a VTIMEZONE for the event zone', async () => {
    const res = await fetchText(`/api/events/${slug}/schedule.ics`);
    expect(res.status).toBe(200);
    expect(res.type).toContain('text/calendar');
    const feed = parseFeed(res.text);
    expect(feed.timeZones).toEqual(['America/New_York']);
    expect(feed.events).toHaveLength(3);
    const byUid = new Map(feed.events.map((e) => [e.uid, e]));
    // Summer (EDT, -4) and winter (EST, -5) both come out at the right instant.
    const summer = byUid.get(`${moved.guid}@plenum`);
    expect(summer?.tzid).toBe('America/New_York');
    expect(summer?.start.toISOString()).toBe('2026-06-30T14:00:00.000Z');
    const cold = byUid.get(`${winter.guid}@plenum`);
    expect(cold?.start.toISOString()).toBe('2026-01-20T15:00:00.000Z');
    expect(cold?.summary).toBe('Winter talk; with, commas');
    expect(summer?.sequence).toBe(0);
    expect(summer?.status).toBe('CONFIRMED');
  });

  it('keeps the UID and raises SEQUENCE when a session is moved', async () => {
    const res = await organizer.request<SessionWriteResult>(
      'PATCH',
      `/api/events/${slug}/sessions/${moved.id}`,
      { startsAt: '2026-06-30T16:00', endsAt: '2026-06-30T17:00' },
    );
    expect(res.status).toBe(200);
    const feed = parseFeed((await fetchText(`/api/events/${slug}/schedule.ics`)).text);
    expect(feed.events).toHaveLength(3);
    const summer = feed.events.filter((e) => e.uid === `${moved.guid}@plenum`);
    expect(summer).toHaveLength(1);
    expect(summer[0]?.sequence).toBe(1);
    expect(summer[0]?.start.toISOString()).toBe('2026-06-30T20:00:00.000Z');
  });

  it('turns a cancelled session into STATUS:CANCELLED, never a duplicate', async () => {
    await organizer.request('POST', `/api/events/${slug}/sessions/${cancelled.id}/cancel`);
    const feed = parseFeed((await fetchText(`/api/events/${slug}/schedule.ics`)).text);
    expect(feed.events).toHaveLength(3);
    const entries = feed.events.filter((e) => e.uid === `${cancelled.guid}@plenum`);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.status).toBe('CANCELLED');
    expect(entries[0]?.sequence).toBe(1);
    expect(new Set(feed.events.map((e) => e.uid)).size).toBe(3);
  });

  it('serves the demo congress calendar in Europe/Berlin with one entry per session', async () => {
    const res = await fetchText('/api/events/digitale-staedte/schedule.ics');
    const feed = parseFeed(res.text);
    expect(feed.timeZones).toEqual(['Europe/Berlin']);
    const programme = await attendee.request<{ sessions: unknown[] }>(
      'GET',
      '/api/events/digitale-staedte/programme',
    );
    expect(feed.events).toHaveLength(programme.body.sessions.length);
    expect(feed.events.every((e) => e.tzid === 'Europe/Berlin')).toBe(true);
  });

  it('gives each person a secret, revocable agenda feed', async () => {
    const programme = await attendee.request<{ sessions: Array<{ id: string; title: string }> }>(
      'GET',
      '/api/events/digitale-staedte/programme',
    );
    const picks = programme.body.sessions.filter((s) =>
      ['Open Data als Fundament der Smart City', 'On-Demand-Verkehr im ländlichen Raum'].includes(
        s.title,
      ),
    );
    expect(picks).toHaveLength(2);
    for (const s of picks) {
      await attendee.request('PUT', `/api/events/digitale-staedte/agenda/sessions/${s.id}`);
    }
    const status = await attendee.request<CalendarFeedView>(
      'GET',
      '/api/events/digitale-staedte/agenda/feed',
    );
    expect(status.body.active).toBe(false);
    const created = await attendee.request<CalendarFeedView>(
      'POST',
      '/api/events/digitale-staedte/agenda/feed',
    );
    expect(created.status).toBe(201);
    const url = created.body.url ?? '';
    expect(url).toMatch(/\/api\/agenda-feeds\/[A-Za-z0-9_-]{40,}\.ics$/);
    // The feed is read without signing in: calendar apps have only the address.
    const local = url.replace(/^https?:\/\/[^/]+/, '');
    const feed = parseFeed((await fetchText(local)).text);
    expect(feed.timeZones).toEqual(['Europe/Berlin']);
    const titles = feed.events.map((e) => e.summary).sort();
    const ownAgenda = await attendee.request<{ entries: Array<{ session: { title: string } }> }>(
      'GET',
      '/api/events/digitale-staedte/agenda',
    );
    expect(titles).toEqual(ownAgenda.body.entries.map((e) => e.session.title).sort());
    expect(titles).toEqual(expect.arrayContaining(picks.map((p) => p.title)));

    // Another person's agenda is not in it.
    const other = new ApiClient(t.baseUrl);
    await other.login('attendee002@plenum.test');
    const otherFeed = await other.request<CalendarFeedView>(
      'POST',
      '/api/events/digitale-staedte/agenda/feed',
    );
    const otherEvents = parseFeed(
      (await fetchText((otherFeed.body.url ?? '').replace(/^https?:\/\/[^/]+/, ''))).text,
    ).events;
    expect(otherEvents.map((e) => e.summary)).not.toContain(picks[0]?.title);

    // A new address replaces the old one; revoking ends it.
    const renewed = await attendee.request<CalendarFeedView>(
      'POST',
      '/api/events/digitale-staedte/agenda/feed',
    );
    expect((await fetchText(local)).status).toBe(404);
    const renewedLocal = (renewed.body.url ?? '').replace(/^https?:\/\/[^/]+/, '');
    expect((await fetchText(renewedLocal)).status).toBe(200);
    const revoked = await attendee.request('DELETE', '/api/events/digitale-staedte/agenda/feed');
    expect(revoked.status).toBe(204);
    expect((await fetchText(renewedLocal)).status).toBe(404);
    expect((await fetchText('/api/agenda-feeds/not-a-real-token.ics')).status).toBe(404);
  });
});
