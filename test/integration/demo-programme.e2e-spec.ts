import ICAL from 'ical.js';
import type { Agenda, Programme } from '@plenum/contracts';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * The demo congress through the api. What the seed writes (counts, roles, a second run) is
 * test/medium/demo-seed.medium-spec.ts.
 */
describe('the demo congress uses the programme features', () => {
  let t: TestApp;
  let attendee: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
  });
  afterAll(() => t.close());

  it('has stages, tracks, speaker profiles with links and parts, and every session kind', async () => {
    const res = await attendee.request<Programme>('GET', '/api/events/digitale-staedte/programme');
    const p = res.body;
    expect(p.stages).toHaveLength(3);
    expect(p.tracks.length).toBeGreaterThanOrEqual(6);
    expect(p.speakers.length).toBeGreaterThanOrEqual(29);
    expect(p.speakers.find((s) => s.name === 'Prof. Dr. Kristina Sinemus')?.links).toEqual([
      expect.objectContaining({ url: 'https://digitales.hessen.de' }),
    ]);
    const parts = new Set(p.sessions.flatMap((s) => s.speakers.map((x) => x.part)));
    expect([...parts].sort()).toEqual(['host', 'moderator', 'speaker']);
    const states = new Set(p.sessions.map((s) => s.state));
    expect([...states].sort()).toEqual(['cancelled', 'ended', 'live', 'scheduled']);
  });

  it('gives the demo attendee an agenda with the live panel and an overlap', async () => {
    const agenda = (await attendee.request<Agenda>('GET', '/api/events/digitale-staedte/agenda'))
      .body;
    expect(agenda.entries.length).toBe(5);
    expect(agenda.entries.some((e) => e.session.state === 'live')).toBe(true);
    expect(agenda.entries.some((e) => e.overlapsWith.length > 0)).toBe(true);
  });

  it('shows the called-off talk as cancelled in the calendar, once', async () => {
    const text = await (
      await fetch(`${t.baseUrl}/api/events/digitale-staedte/schedule.ics`)
    ).text();
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const cancelled = calendar
      .getAllSubcomponents('vevent')
      .filter((v) => v.getFirstPropertyValue('summary') === 'Förderprogramme klug kombinieren');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled[0]?.getFirstPropertyValue('sequence')).toBe(1);
  });

  it('has something live now, in the now-and-next strip', async () => {
    const res = await new ApiClient(t.baseUrl).request<{
      now: Array<{ state: string; kind: string }>;
      next: unknown[];
    }>('GET', '/api/events/digitale-staedte/now-next');
    expect(res.status).toBe(200);
    expect(res.body.now.some((s) => s.state === 'live' && s.kind === 'panel')).toBe(true);
    expect(res.body.next.length).toBeGreaterThan(0);
  });

  it('gives every role a demo account with the password "plenum"', async () => {
    for (const email of [
      'organizer@plenum.test',
      'moderator@plenum.test',
      'speaker@plenum.test',
      'exhibitor@plenum.test',
      'attendee@plenum.test',
      'attendee001@plenum.test',
      'attendee400@plenum.test',
    ]) {
      const api = new ApiClient(t.baseUrl);
      await api.login(email);
      const me = await api.request<{ memberships: Array<{ role: string }> }>('GET', '/api/me');
      expect(me.body.memberships.length).toBeGreaterThan(0);
    }
  });
});
