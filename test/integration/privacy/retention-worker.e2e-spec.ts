import { existsSync } from 'node:fs';
import { builtWorker, runNode, waitFor } from '../../support/processes';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress } from '../../support/video-fixture';

const built = existsSync(builtWorker) ? describe : describe.skip;

built('worker: the scheduled retention job anonymises attendance', () => {
  let t: TestApp;
  let worker: ReturnType<typeof runNode> | undefined;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await t.close();
  });

  it('anonymises an event whose retention period is over, and leaves the others', async () => {
    const demo = await demoCongress(t.dataSource);
    const q = <T = unknown>(sql: string, params: unknown[] = []) =>
      t.dataSource.query<T>(sql, params);
    const [visitor] = await q<Array<{ id: string }>>(
      `SELECT id FROM users WHERE email = 'attendee020@plenum.test'`,
    );
    // A second, still recent event keeps its records.
    const [recent] = await q<Array<{ id: string }>>(
      `INSERT INTO events (slug, title, time_zone, starts_on, ends_on)
       VALUES ('frisch', 'Frische Tagung', 'Europe/Berlin', current_date, current_date) RETURNING id`,
    );
    await q(
      `UPDATE events SET starts_on = current_date - 40, ends_on = current_date - 39 WHERE id = $1`,
      [demo.eventId],
    );
    for (const eventId of [demo.eventId, recent!.id]) {
      await q(
        `INSERT INTO event_privacy_settings (event_id, attendance_retention_days) VALUES ($1, 30)`,
        [eventId],
      );
      await q(
        `INSERT INTO presence_intervals (event_id, room, user_id, entered_at, left_at)
         VALUES ($1, 'event:x', $2, now() - interval '1 hour', now())`,
        [eventId, visitor!.id],
      );
    }

    worker = runNode(builtWorker, {
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      LOG_LEVEL: 'info',
    });
    const personal = async (eventId: string) => {
      const [row] = await q<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM presence_intervals WHERE event_id = $1 AND user_id IS NOT NULL`,
        [eventId],
      );
      return row?.n ?? -1;
    };
    await waitFor(async () => (await personal(demo.eventId)) === 0, 30_000);
    expect(await personal(recent!.id)).toBe(1);
    const [settings] = await q<Array<{ attendance_anonymised_at: Date | null }>>(
      `SELECT attendance_anonymised_at FROM event_privacy_settings WHERE event_id = $1`,
      [demo.eventId],
    );
    expect(settings?.attendance_anonymised_at).not.toBeNull();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
