import type { MyWorkshopRegistration } from '@plenum/contracts';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, createWorkshop, eventWithAttendees, registrationRows } from './workshop-fixtures';
import type { Person } from './workshop-fixtures';

jest.setTimeout(60_000);

const SLUG = 'ws-concurrency';

/**
 * What only HTTP shows of a registration burst: the answer when the database has no connection
 * to spare. The races themselves (500 at once, cancellations, double clicks) are proven at the
 * service: test/medium/workshop-registrations.medium-spec.ts.
 */
describe('workshop registration under concurrency (real PostgreSQL)', () => {
  let t: TestApp;
  let people: Person[];
  let eventId: string;
  const path = (sessionId: string) => `/api/events/${SLUG}/workshops/${sessionId}/registration`;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    ({ eventId, people } = await eventWithAttendees(t, SLUG, 2));
  });
  afterAll(() => t.close());

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
});
