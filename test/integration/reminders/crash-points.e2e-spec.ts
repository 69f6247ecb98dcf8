import { existsSync } from 'node:fs';
import type { NotificationView } from '@plenum/contracts';
import { builtWorker, waitFor } from '../../support/processes';
import type { RunningProcess } from '../../support/processes';
import { collect, connectLive } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { SHORT_LEASES, SLUG, soon, startSmtp, startWorker } from './reminders-fixture';

const built = existsSync(builtWorker) ? describe : describe.skip;

const PEOPLE = ['attendee011@plenum.test', 'attendee012@plenum.test', 'attendee013@plenum.test'];
const [HELD, ACCEPTED, PLAIN] = PEOPLE as [string, string, string];

/**
 * The crash points docs/reminders.md promises something about, each hit on purpose: a PL/pgSQL
 * trigger of the test's own database holds the UPDATE that marks a delivery sent, and the SMTP
 * server holds one recipient before accepting, so a SIGKILL lands exactly there.
 */
built('reminders: a worker killed at each crash point of a delivery', () => {
  let t: TestApp;
  let holdRecipient = true;
  let held = false;
  let mailServer: Awaited<ReturnType<typeof startSmtp>>;
  const workers: RunningProcess[] = [];
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    mailServer = await startSmtp({
      onRcpt: (address) => {
        if (address !== HELD || !holdRecipient) return;
        held = true;
        return new Promise<void>(() => undefined);
      },
    });
    t = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const w of workers) w.child.kill('SIGKILL');
    await t.close();
    await mailServer.close();
  });

  const sleeping = async (): Promise<number[]> =>
    (
      await t.dataSource.query<Array<{ pid: number }>>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
      )
    ).map((r) => r.pid);

  async function kill(worker: RunningProcess): Promise<void> {
    worker.child.kill('SIGKILL');
    await worker.exited;
    // The dead worker's held UPDATE would otherwise sleep on in PostgreSQL.
    for (const pid of await sleeping()) {
      await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
    }
  }

  it('in-app: pushed again with the same id; e-mail: sent once when killed before the server accepted, twice with one Message-ID when killed between acceptance and the sent mark', async () => {
    const organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    await organizer.request('PUT', `/api/events/${SLUG}/reminders/settings`, {
      offsetsMinutes: [1],
    });
    const created = await organizer.request<{ session: { id: string } }>(
      'POST',
      `/api/events/${SLUG}/sessions`,
      { title: 'Absturzpunkte Zeta', kind: 'talk', ...soon(10) },
    );
    expect(created.status).toBe(201);
    const sessionId = created.body.session.id;

    const pushes = new Map<string, NotificationView[]>();
    const userIds = new Map<string, string>();
    for (const email of PEOPLE) {
      const client = new ApiClient(t.baseUrl);
      await client.login(email);
      const agenda = await client.request(
        'PUT',
        `/api/events/${SLUG}/agenda/sessions/${sessionId}`,
      );
      expect(agenda.status).toBe(200);
      const socket = await connectLive(t.baseUrl, client.token);
      sockets.push(socket);
      pushes.set(email, collect(socket, 'notification:new'));
      const [user] = await t.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE email = $1`,
        [email],
      );
      userIds.set(email, user!.id);
    }
    const pushed = (email: string) => pushes.get(email)!.filter((n) => n.sessionId === sessionId);
    const mailsTo = (email: string) =>
      mailServer.mails.filter((m) => m.to === email && m.subject.includes('Zeta'));
    const rows = async () =>
      new Map(
        (
          await t.dataSource.query<
            Array<{ id: string; email: string; channel: string; status: string }>
          >(
            `SELECT d.id, u.email, d.channel, d.status FROM reminder_deliveries d
             JOIN users u ON u.id = d.user_id WHERE d.session_id = $1`,
            [sessionId],
          )
        ).map((r) => [`${r.email} ${r.channel}`, r]),
      );

    await t.dataSource.query(
      `CREATE FUNCTION test_hold_sent_mark() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$`,
    );
    await t.dataSource.query(
      `CREATE TRIGGER hold_in_app BEFORE UPDATE ON reminder_deliveries FOR EACH ROW
       WHEN (NEW.status = 'sent' AND NEW.channel = 'in-app' AND NEW.session_id = '${sessionId}')
       EXECUTE FUNCTION test_hold_sent_mark()`,
    );

    // 1. Killed after the in-app notices were written and pushed, before they were marked sent.
    const first = startWorker(t, mailServer.port, SHORT_LEASES);
    workers.push(first);
    expect(
      await waitFor(
        async () => PEOPLE.every((p) => pushed(p).length === 1) && (await sleeping()).length > 0,
        60_000,
      ),
    ).toBe(true);
    await kill(first);
    await t.dataSource.query(`DROP TRIGGER hold_in_app ON reminder_deliveries`);
    let now = await rows();
    for (const p of PEOPLE) {
      expect(now.get(`${p} in-app`)?.status).toBe('pending');
      // E-mail rows are only written once every in-app notice is out.
      expect(now.get(`${p} email`)).toBeUndefined();
    }

    await t.dataSource.query(
      `CREATE TRIGGER hold_email BEFORE UPDATE ON reminder_deliveries FOR EACH ROW
       WHEN (NEW.status = 'sent' AND NEW.channel = 'email' AND NEW.session_id = '${sessionId}'
             AND NEW.user_id = '${userIds.get(ACCEPTED)!}')
       EXECUTE FUNCTION test_hold_sent_mark()`,
    );

    // 2. The fan-out is handed out again (stalled check): the in-app notices are pushed again
    // and the e-mails go out. Killed while one e-mail waits for the server's acceptance and
    // another was accepted but not yet marked sent.
    const second = startWorker(t, mailServer.port, SHORT_LEASES);
    workers.push(second);
    expect(
      await waitFor(
        async () =>
          held &&
          mailsTo(ACCEPTED).length === 1 &&
          mailsTo(PLAIN).length === 1 &&
          (await sleeping()).length > 0,
        120_000,
      ),
    ).toBe(true);
    await kill(second);
    await t.dataSource.query(`DROP TRIGGER hold_email ON reminder_deliveries`);
    holdRecipient = false;
    for (const p of PEOPLE) expect(pushed(p)).toHaveLength(2);
    now = await rows();
    expect(now.get(`${HELD} email`)?.status).toBe('sending');
    expect(now.get(`${ACCEPTED} email`)?.status).toBe('sending');
    expect(now.get(`${PLAIN} email`)?.status).toBe('sent');
    expect(mailsTo(HELD)).toHaveLength(0);

    // 3. After the claims' lease the e-mails are sent again.
    const third = startWorker(t, mailServer.port, SHORT_LEASES);
    workers.push(third);
    expect(
      await waitFor(() => mailsTo(HELD).length >= 1 && mailsTo(ACCEPTED).length >= 2, 180_000),
    ).toBe(true);
    await new Promise((r) => setTimeout(r, 3_000));

    expect(mailsTo(HELD)).toHaveLength(1);
    expect(mailsTo(PLAIN)).toHaveLength(1);
    const copies = mailsTo(ACCEPTED);
    expect(copies).toHaveLength(2);
    now = await rows();
    const acceptedRow = now.get(`${ACCEPTED} email`)!;
    expect(copies.map((m) => m.messageId)).toEqual([
      `<${acceptedRow.id}@plenum>`,
      `<${acceptedRow.id}@plenum>`,
    ]);
    expect([...now.values()].map((r) => r.status)).toEqual(Array(6).fill('sent'));

    // Each person has one notification; every push of it carried its id.
    for (const p of PEOPLE) {
      const list = await t.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM notifications WHERE session_id = $1 AND user_id = $2`,
        [sessionId, userIds.get(p)],
      );
      expect(list).toHaveLength(1);
      expect(new Set(pushed(p).map((n) => n.id))).toEqual(new Set([list[0]!.id]));
    }
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 420_000);
});
