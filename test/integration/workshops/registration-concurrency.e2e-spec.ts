import type { MyWorkshopRegistration } from '@plenum/contracts';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import {
  call,
  callRetrying,
  createWorkshop,
  eventWithAttendees,
  registrationRows,
  shuffled,
} from './workshop-fixtures';
import type { Person } from './workshop-fixtures';

jest.setTimeout(180_000);

const SLUG = 'ws-concurrency';

describe('workshop registration under concurrency (real PostgreSQL)', () => {
  let t: TestApp;
  let people: Person[];
  let eventId: string;
  const path = (sessionId: string) => `/api/events/${SLUG}/workshops/${sessionId}/registration`;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    ({ eventId, people } = await eventWithAttendees(t, SLUG, 500));
  });
  afterAll(() => t.close());

  const orders: Array<[string, <T>(items: T[]) => T[]]> = [
    ['in order', (items) => items],
    ['shuffled', (items) => shuffled(items)],
  ];
  describe.each(orders)('%s', (_name, order) => {
    let sessionId: string;

    it('500 registrations at once for 50 seats confirm exactly 50 and waitlist 450 in arrival order, without a server error', async () => {
      sessionId = await createWorkshop(t, eventId, 50);
      const responses = await Promise.all(
        order(people).map(async (p) => ({
          person: p,
          res: await callRetrying<MyWorkshopRegistration>(t, p, 'POST', path(sessionId)),
        })),
      );
      expect(responses.filter((r) => r.res.status !== 200).map((r) => r.res.status)).toEqual([]);

      const rows = await registrationRows(t, sessionId);
      expect(rows).toHaveLength(500);
      const confirmed = rows.filter((r) => r.status === 'confirmed');
      const waitlisted = rows.filter((r) => r.status === 'waitlisted');
      expect(confirmed).toHaveLength(50);
      expect(waitlisted).toHaveLength(450);
      // First come, first served: every seat went to someone who arrived before everyone waiting.
      const lastSeat = Math.max(...confirmed.map((r) => Number(r.arrival)));
      const firstWaiting = Math.min(...waitlisted.map((r) => Number(r.arrival)));
      expect(lastSeat).toBeLessThan(firstWaiting);

      // Each person was told what the database holds, and the waitlist positions follow arrival.
      const told = new Map(responses.map((r) => [r.person.userId, r.res.body]));
      waitlisted.forEach((row, i) => {
        expect(told.get(row.user_id)).toMatchObject({ status: 'waitlisted', position: i + 1 });
      });
      for (const row of confirmed) {
        expect(told.get(row.user_id)).toMatchObject({ status: 'confirmed', position: null });
      }
    });

    it('30 cancellations at once promote exactly the first 30 on the waitlist, in order', async () => {
      const before = await registrationRows(t, sessionId);
      const waiting = before.filter((r) => r.status === 'waitlisted').map((r) => r.user_id);
      const seated = before.filter((r) => r.status === 'confirmed').map((r) => r.user_id);
      const leaving = new Set(order(seated).slice(0, 30));
      const byId = new Map(people.map((p) => [p.userId, p]));

      const responses = await Promise.all(
        [...leaving].map((id) =>
          callRetrying<MyWorkshopRegistration>(t, byId.get(id)!, 'DELETE', path(sessionId)),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(30).fill(200));
      expect(responses.every((r) => r.body.status === 'cancelled')).toBe(true);

      const after = await registrationRows(t, sessionId);
      const status = new Map(after.map((r) => [r.user_id, r.status]));
      expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(50);
      expect(after.filter((r) => r.status === 'cancelled')).toHaveLength(30);
      expect(waiting.slice(0, 30).map((id) => status.get(id))).toEqual(Array(30).fill('confirmed'));
      expect(waiting.slice(30).map((id) => status.get(id))).toEqual(Array(420).fill('waitlisted'));
      expect([...leaving].map((id) => status.get(id))).toEqual(Array(30).fill('cancelled'));

      // The remaining waitlist moved up: the first one still waiting is now number 1.
      const next = await call<MyWorkshopRegistration>(
        t,
        byId.get(waiting[30]!)!,
        'POST',
        path(sessionId),
      );
      expect(next.body).toMatchObject({ status: 'waitlisted', position: 1 });
    });
  });

  it('answers 503 BUSY with a retry hint, not 500, when no database connection comes free, and registers nobody', async () => {
    const sessionId = await createWorkshop(t, eventId, 5);
    const person = people[1]!;
    // Every connection of the api's pool held elsewhere: what a burst on a loaded machine does
    // for longer than the pool waits (connectionTimeoutMillis).
    const size = (t.dataSource.options.extra as { max: number }).max;
    const held = await Promise.all(
      Array.from({ length: size }, async () => {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        return runner;
      }),
    );
    let busy: Awaited<ReturnType<typeof fetch>>;
    try {
      busy = await fetch(`${t.baseUrl}${path(sessionId)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${person.token}` },
      });
    } finally {
      await Promise.all(held.map((runner) => runner.release()));
    }
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('2');
    expect(await busy.json()).toMatchObject({ code: 'BUSY', retryAfterMs: 2000 });
    expect(await registrationRows(t, sessionId)).toEqual([]);

    const retried = await call<MyWorkshopRegistration>(t, person, 'POST', path(sessionId));
    expect(retried).toMatchObject({ status: 200, body: { status: 'confirmed' } });
  });

  it('ten registrations at once by one person make one row', async () => {
    const sessionId = await createWorkshop(t, eventId, 5);
    const person = people[0]!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        call<MyWorkshopRegistration>(t, person, 'POST', path(sessionId)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.body.status))).toEqual(new Set(['confirmed']));
    const rows = await registrationRows(t, sessionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: person.userId, status: 'confirmed' });
  });
});
