import type { MyWorkshopRegistration } from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { WorkshopRegistrationsService, WorkshopsModule } from '@plenum/workshops';
import { factories } from '../support/factories';
import { useMedium } from '../support/medium';

jest.setTimeout(120_000);

interface RegistrationRow {
  user_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  arrival: string;
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** What a person is told: the answer, or the error code as the HTTP filter would map it. */
async function answer(
  work: Promise<MyWorkshopRegistration>,
): Promise<MyWorkshopRegistration | { error: string }> {
  try {
    return await work;
  } catch (err) {
    return { error: err instanceof PlenumError ? err.code : String(err) };
  }
}

/**
 * Registration races at the service the HTTP route calls, against the real PostgreSQL: the
 * seat count is held by the workshop's row lock, whatever order 500 people arrive in.
 * (The 503 BUSY answer when no database connection comes free stays an HTTP test:
 * test/integration/workshops/registration-concurrency.e2e-spec.ts.)
 */
describe('workshop registration under concurrency (service, real PostgreSQL)', () => {
  // 500 at once through a pool of 20: this is about the row lock, not about how long a
  // request may wait for a connection (2 s in production, answered 503 BUSY: the HTTP test).
  const m = useMedium([WorkshopsModule], { env: { DATABASE_POOL_TIMEOUT_MS: '30000' } });
  const { newEvent, newAttendees, newWorkshop } = factories(m);
  let event: Event;
  let people: Principal[];
  const registrations = () => m.get(WorkshopRegistrationsService);
  const rowsOf = (sessionId: string) =>
    m.dataSource.query<RegistrationRow[]>(
      `SELECT user_id, status, arrival FROM workshop_registrations
        WHERE session_id = $1 ORDER BY arrival`,
      [sessionId],
    );

  beforeAll(async () => {
    event = await newEvent();
    people = await newAttendees(event, 500);
  });

  const orders: Array<[string, <T>(items: T[]) => T[]]> = [
    ['in order', (items) => items],
    ['shuffled', (items) => shuffled(items)],
  ];
  describe.each(orders)('%s', (_name, order) => {
    let sessionId: string;

    it('500 registrations at once for 50 seats confirm exactly 50 and waitlist 450 in arrival order, without an error', async () => {
      sessionId = (await newWorkshop(event, 50)).id;
      const responses = await Promise.all(
        order(people).map(async (p) => ({
          person: p,
          res: await answer(registrations().register(event.id, sessionId, p.userId)),
        })),
      );
      expect(responses.filter((r) => 'error' in r.res).map((r) => r.res)).toEqual([]);

      const rows = await rowsOf(sessionId);
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
      const told = new Map(responses.map((r) => [r.person.userId, r.res]));
      waitlisted.forEach((row, i) => {
        expect(told.get(row.user_id)).toMatchObject({ status: 'waitlisted', position: i + 1 });
      });
      for (const row of confirmed) {
        expect(told.get(row.user_id)).toMatchObject({ status: 'confirmed', position: null });
      }
    });

    it('30 cancellations at once promote exactly the first 30 on the waitlist, in order', async () => {
      const before = await rowsOf(sessionId);
      const waiting = before.filter((r) => r.status === 'waitlisted').map((r) => r.user_id);
      const seated = before.filter((r) => r.status === 'confirmed').map((r) => r.user_id);
      const leaving = new Set(order(seated).slice(0, 30));

      const responses = await Promise.all(
        [...leaving].map((id) => answer(registrations().cancel(event.id, sessionId, id))),
      );
      expect(responses.filter((r) => 'error' in r)).toEqual([]);
      expect(responses.every((r) => 'status' in r && r.status === 'cancelled')).toBe(true);

      const after = await rowsOf(sessionId);
      const status = new Map(after.map((r) => [r.user_id, r.status]));
      expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(50);
      expect(after.filter((r) => r.status === 'cancelled')).toHaveLength(30);
      expect(waiting.slice(0, 30).map((id) => status.get(id))).toEqual(Array(30).fill('confirmed'));
      expect(waiting.slice(30).map((id) => status.get(id))).toEqual(Array(420).fill('waitlisted'));
      expect([...leaving].map((id) => status.get(id))).toEqual(Array(30).fill('cancelled'));

      // The remaining waitlist moved up: the first one still waiting is now number 1.
      const next = await registrations().register(event.id, sessionId, waiting[30]!);
      expect(next).toMatchObject({ status: 'waitlisted', position: 1 });
    });
  });

  it('ten registrations at once by one person make one row', async () => {
    const sessionId = (await newWorkshop(event, 5)).id;
    const person = people[0]!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        answer(registrations().register(event.id, sessionId, person.userId)),
      ),
    );
    expect(responses.filter((r) => 'error' in r)).toEqual([]);
    expect(new Set(responses.map((r) => ('status' in r ? r.status : r.error)))).toEqual(
      new Set(['confirmed']),
    );
    const rows = await rowsOf(sessionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: person.userId, status: 'confirmed' });
  });
});
