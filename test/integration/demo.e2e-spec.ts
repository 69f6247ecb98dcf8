import { seedDemoCongress } from '@plenum/demo';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'events',
    'users',
    'memberships',
    'stages',
    'tracks',
    'sessions',
    'speakers',
    'session_speakers',
    'booths',
  ];
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM ${table}`,
    );
    result[table] = Number(row!.n);
  }
  return result;
}

describe('demo congress', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.close());

  it('loads the reference congress: stages, speakers, exhibitors, workshops, forums and accounts', async () => {
    const c = await counts(t);
    expect(c.events).toBe(1);
    expect(c.stages).toBe(3);
    expect(c.speakers).toBe(29);
    // Every one of the 29 speakers appears in the programme.
    const [linked] = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT count(DISTINCT speaker_id) AS n FROM session_speakers`,
    );
    expect(Number(linked!.n)).toBe(29);
    expect(c.booths).toBe(21);
    expect(c.users).toBe(406);
    const kinds = await t.dataSource.query<Array<{ kind: string; n: string }>>(
      `SELECT kind, count(*) AS n FROM sessions GROUP BY kind`,
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(byKind.workshop).toBe(4);
    expect(byKind.forum).toBe(4);
    expect(byKind.keynote).toBe(1);
    expect(byKind.panel).toBeGreaterThanOrEqual(3);
    const workshops = await t.dataSource.query<Array<{ capacity: number }>>(
      `SELECT capacity FROM sessions WHERE kind = 'workshop'`,
    );
    expect(workshops.every((w) => w.capacity > 0)).toBe(true);
    const forums = await t.dataSource.query<Array<{ state: string; before: boolean }>>(
      `SELECT state, ends_at < (SELECT min(starts_at) FROM sessions WHERE kind = 'keynote') AS before FROM sessions WHERE kind = 'forum'`,
    );
    expect(forums.every((f) => f.before && f.state === 'ended')).toBe(true);
    const [minister] = await t.dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM session_speakers ss JOIN speakers s ON s.id = ss.speaker_id
       JOIN sessions se ON se.id = ss.session_id WHERE s.name LIKE '%Sinemus' AND se.kind IN ('keynote', 'panel')`,
    );
    expect(Number(minister!.n)).toBeGreaterThanOrEqual(2);
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
    const roles = await t.dataSource.query<Array<{ email: string; role: string; scoped: boolean }>>(
      `SELECT u.email, m.role, (m.session_id IS NOT NULL OR m.booth_id IS NOT NULL) AS scoped
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email NOT LIKE 'attendee%'`,
    );
    expect(roles).toEqual(
      expect.arrayContaining([
        { email: 'organizer@plenum.test', role: 'organizer', scoped: false },
        { email: 'moderator@plenum.test', role: 'moderator', scoped: false },
        { email: 'speaker@plenum.test', role: 'speaker', scoped: true },
        { email: 'exhibitor@plenum.test', role: 'exhibitor', scoped: true },
      ]),
    );
  });

  it('changes nothing when run a second time', async () => {
    const before = await counts(t);
    const again = await seedDemoCongress(t.dataSource, new Date(Date.now() + 86_400_000));
    expect(again.created).toBe(false);
    expect(await counts(t)).toEqual(before);
  });
});
