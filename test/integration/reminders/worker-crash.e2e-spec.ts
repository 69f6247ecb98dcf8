import { existsSync } from 'node:fs';
import { builtWorker, waitFor } from '../../support/processes';
import type { RunningProcess } from '../../support/processes';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { SHORT_LEASES, SLUG, soon, startSmtp, startWorker } from './reminders-fixture';

const built = existsSync(builtWorker) ? describe : describe.skip;

built('reminders: a worker killed during a fan-out', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await t.close();
    await smtp.close();
  });

  it('is restarted and delivers every reminder: one notification each, e-mail repeated only for claimed sends and with the same Message-ID', async () => {
    const organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    await organizer.request('PUT', `/api/events/${SLUG}/reminders/settings`, {
      offsetsMinutes: [1],
    });
    const created = await organizer.request<{ session: { id: string } }>(
      'POST',
      `/api/events/${SLUG}/sessions`,
      { title: 'Absturztest Epsilon', kind: 'talk', ...soon(8) },
    );
    expect(created.status).toBe(201);
    const sessionId = created.body.session.id;
    const inserted = await t.dataSource.query<Array<{ user_id: string }>>(
      `INSERT INTO agenda_items (user_id, session_id, event_id)
       SELECT u.id, s.id, s.event_id FROM users u, sessions s
       WHERE u.email LIKE 'attendee%@plenum.test' AND s.id = $1
       RETURNING user_id`,
      [sessionId],
    );
    const audience = inserted.length;
    expect(audience).toBeGreaterThan(300);

    const first = startWorker(t, smtp.port, SHORT_LEASES);
    workers.push(first);
    const epsilon = () => smtp.mails.filter((m) => m.subject.includes('Epsilon'));
    const about = (): string[] => [...new Set(epsilon().map((m) => m.to))];
    // Killed while the deliveries of the fan-out are under way: some sent, most not yet.
    expect(await waitFor(() => about().length >= 20, 40_000)).toBe(true);
    first.child.kill('SIGKILL');
    await first.exited;
    const beforeRestart = about().length;
    expect(beforeRestart).toBeLessThan(audience);
    // The e-mails the dead worker had claimed: only these may reach anyone twice.
    const claimed = new Set(
      (
        await t.dataSource.query<Array<{ email: string }>>(
          `SELECT u.email FROM reminder_deliveries d JOIN users u ON u.id = d.user_id
           WHERE d.session_id = $1 AND d.channel = 'email' AND d.status = 'sending'`,
          [sessionId],
        )
      ).map((r) => r.email),
    );

    const second = startWorker(t, smtp.port, SHORT_LEASES);
    workers.push(second);
    // BullMQ hands the killed worker's jobs out again once their locks expire (stalled check),
    // and claimed e-mails once the claim's lease has run out.
    expect(await waitFor(() => about().length >= audience, 180_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 3_000));

    // Everyone got the reminder, and every copy a person got is the same message: only a send
    // the dead worker had claimed (cut off between the server's acceptance and the sent mark)
    // is repeated, with its Message-ID.
    expect(about()).toHaveLength(audience);
    const ids = new Map<string, Set<string>>();
    for (const m of epsilon()) ids.set(m.to, (ids.get(m.to) ?? new Set()).add(m.messageId));
    expect([...ids.values()].every((set) => set.size === 1)).toBe(true);
    const copies = new Map<string, number>();
    for (const m of epsilon()) copies.set(m.to, (copies.get(m.to) ?? 0) + 1);
    const twice = [...copies].filter(([, n]) => n > 1).map(([to]) => to);
    expect(twice.every((to) => claimed.has(to))).toBe(true);
    expect([...copies.values()].every((n) => n <= 2)).toBe(true);
    const [counts] = await t.dataSource.query<
      Array<{ sent: string; total: string; notifications: string; people: string }>
    >(
      `SELECT count(*) FILTER (WHERE d.status = 'sent') AS sent, count(*) AS total,
              (SELECT count(*) FROM notifications n WHERE n.session_id = $1) AS notifications,
              (SELECT count(DISTINCT n.user_id) FROM notifications n WHERE n.session_id = $1) AS people
       FROM reminder_deliveries d WHERE d.session_id = $1`,
      [sessionId],
    );
    expect(Number(counts!.total)).toBe(audience * 2);
    expect(Number(counts!.sent)).toBe(audience * 2);
    expect(Number(counts!.notifications)).toBe(audience);
    expect(Number(counts!.people)).toBe(audience);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 300_000);
});
