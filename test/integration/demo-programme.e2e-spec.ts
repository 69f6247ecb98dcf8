import ICAL from 'ical.js';
import type { Agenda, Programme } from '@plenum/contracts';
import { seedDemoCongress } from '@plenum/demo';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

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

  it('seeds idempotently: a second run changes nothing', async () => {
    const before = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM agenda_items) AS n',
    );
    const again = await seedDemoCongress(t.dataSource);
    expect(again.created).toBe(false);
    const after = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM agenda_items) AS n',
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
