import type { DataSource } from 'typeorm';
import { seedDemoCongress } from '@plenum/demo';
import { useMedium } from '../support/medium';

jest.setTimeout(60_000);

async function counts(dataSource: DataSource): Promise<Record<string, number>> {
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
    'agenda_items',
  ];
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await dataSource.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM ${table}`,
    );
    result[table] = Number(row!.n);
  }
  return result;
}

/**
 * The demo congress as the seed writes it. What it looks like through the api (programme,
 * agenda, calendar, now-and-next, the demo sign-ins) is test/integration/demo-programme.e2e-spec.ts.
 */
describe('demo congress seed', () => {
  const m = useMedium();

  beforeAll(async () => {
    expect((await seedDemoCongress(m.dataSource)).created).toBe(true);
  });

  it('loads the reference congress: stages, speakers, exhibitors, workshops, forums and accounts', async () => {
    const db = m.dataSource;
    const c = await counts(db);
    expect(c.events).toBe(1);
    expect(c.stages).toBe(3);
    expect(c.speakers).toBe(29);
    // Every one of the 29 speakers appears in the programme.
    const [linked] = await db.query<Array<{ n: string }>>(
      `SELECT count(DISTINCT speaker_id) AS n FROM session_speakers`,
    );
    expect(Number(linked!.n)).toBe(29);
    expect(c.booths).toBe(21);
    expect(c.users).toBe(406);
    const kinds = await db.query<Array<{ kind: string; n: string }>>(
      `SELECT kind, count(*) AS n FROM sessions GROUP BY kind`,
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(byKind.workshop).toBe(4);
    expect(byKind.forum).toBe(4);
    expect(byKind.keynote).toBe(1);
    expect(byKind.panel).toBeGreaterThanOrEqual(3);
    const workshops = await db.query<Array<{ capacity: number }>>(
      `SELECT capacity FROM sessions WHERE kind = 'workshop'`,
    );
    expect(workshops.every((w) => w.capacity > 0)).toBe(true);
    const forums = await db.query<Array<{ state: string; before: boolean }>>(
      `SELECT state, ends_at < (SELECT min(starts_at) FROM sessions WHERE kind = 'keynote') AS before FROM sessions WHERE kind = 'forum'`,
    );
    expect(forums.every((f) => f.before && f.state === 'ended')).toBe(true);
    const [minister] = await db.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM session_speakers ss JOIN speakers s ON s.id = ss.speaker_id
       JOIN sessions se ON se.id = ss.session_id WHERE s.name LIKE '%Sinemus' AND se.kind IN ('keynote', 'panel')`,
    );
    expect(Number(minister!.n)).toBeGreaterThanOrEqual(2);
  });

  it('gives every role an account, scoped where the role is', async () => {
    const roles = await m.dataSource.query<Array<{ email: string; role: string; scoped: boolean }>>(
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

  it('changes nothing when run a second time, now or a day later', async () => {
    const before = await counts(m.dataSource);
    const again = await seedDemoCongress(m.dataSource);
    expect(again.created).toBe(false);
    const dayLater = await seedDemoCongress(m.dataSource, new Date(Date.now() + 86_400_000));
    expect(dayLater.created).toBe(false);
    expect(await counts(m.dataSource)).toEqual(before);
  });
});
