import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import type { DeliveryStats, NotificationView, ReminderPreferencesView } from '@plenum/contracts';
import { bullConnection } from '@plenum/platform';
import { reminderJobId } from '@plenum/reminders';
import { builtWorker, waitFor } from '../../support/processes';
import type { RunningProcess } from '../../support/processes';
import { collect, connectLive } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { ApiClient, randomSecret, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { SLUG, berlinTime, soon, startSmtp, startWorker } from './reminders-fixture';
import type { ReceivedMail } from './reminders-fixture';

const built = existsSync(builtWorker) ? describe : describe.skip;

built(
  'reminders: scheduled in Redis, fanned out by the worker, delivered in-app and by e-mail',
  () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let worker: RunningProcess;
    let organizer: ApiClient;
    let queue: Queue;
    const sockets: LiveSocket[] = [];

    async function as(email: string): Promise<ApiClient> {
      const client = new ApiClient(t.baseUrl);
      await client.login(email);
      return client;
    }

    async function createSession(
      title: string,
      leadSeconds: number,
    ): Promise<{ id: string; startsAt: string }> {
      const times = soon(leadSeconds);
      const res = await organizer.request<{ session: { id: string } }>(
        'POST',
        `/api/events/${SLUG}/sessions`,
        {
          title,
          kind: 'talk',
          ...times,
        },
      );
      expect(res.status).toBe(201);
      return { id: res.body.session.id, startsAt: times.startsAt };
    }

    async function addToAgenda(client: ApiClient, sessionId: string): Promise<void> {
      const res = await client.request('PUT', `/api/events/${SLUG}/agenda/sessions/${sessionId}`);
      expect(res.status).toBe(200);
    }

    const mailsAbout = (title: string): ReceivedMail[] =>
      smtp.mails.filter((m) => m.subject.includes(title));

    beforeAll(async () => {
      smtp = await startSmtp();
      t = await startTestApp({
        seedDemo: true,
        env: { PUBLIC_URL: 'https://kongress.example.org', AUTH_SECRET: randomSecret() },
      });
      queue = new Queue(queueNames.reminders, bullConnection(t.config));
      organizer = await as('organizer@plenum.test');
      // One minute ahead, so a session starting a minute and a few seconds from now is due at once.
      const settings = await organizer.request('PUT', `/api/events/${SLUG}/reminders/settings`, {
        offsetsMinutes: [1],
      });
      expect(settings.status).toBe(200);
      worker = startWorker(t, smtp.port);
      expect(
        await waitFor(() => worker.output().includes('Plenum worker is processing jobs'), 30_000),
      ).toBe(true);
    });

    afterAll(async () => {
      for (const s of sockets) s.close();
      worker.child.kill('SIGTERM');
      await worker.exited;
      await queue.close();
      await t.close();
      await smtp.close();
    });

    it('reminds each person once on both channels, in their language and the event’s time zone', async () => {
      await t.dataSource.query(
        `UPDATE users SET locale = 'en' WHERE email = 'attendee002@plenum.test'`,
      );
      const de = await as('attendee001@plenum.test');
      const en = await as('attendee002@plenum.test');
      const socket = await connectLive(t.baseUrl, de.token);
      sockets.push(socket);
      const pushed = collect(socket, 'notification:new');

      const session = await createSession('Erinnerungstest Alpha', 6);
      expect(
        await queue.getJob(reminderJobId(session.id, 1, new Date(session.startsAt))),
      ).toBeDefined();
      await addToAgenda(de, session.id);
      await addToAgenda(en, session.id);

      expect(await waitFor(() => mailsAbout('Alpha').length >= 2, 40_000)).toBe(true);
      const german = mailsAbout('Alpha').find((m) => m.to === 'attendee001@plenum.test')!;
      const english = mailsAbout('Alpha').find((m) => m.to === 'attendee002@plenum.test')!;
      const time = berlinTime(session.startsAt);

      expect(german.subject).toBe('Erinnerung: Erinnerungstest Alpha');
      expect(german.text).toContain('„Erinnerungstest Alpha“ beginnt in 1 Minute');
      expect(german.text).toContain(`${time} (Europe/Berlin)`);
      expect(german.text).toContain(
        `https://kongress.example.org/e/${SLUG}/sessions/${session.id}`,
      );
      expect(german.text).toMatch(/https:\/\/kongress\.example\.org\/unsubscribe\?token=\S+/);
      expect(german.calendar).toContain('BEGIN:VEVENT');
      expect(german.calendar).toContain('SUMMARY:Erinnerungstest Alpha');

      expect(english.subject).toBe('Reminder: Erinnerungstest Alpha');
      expect(english.text).toContain('"Erinnerungstest Alpha" starts in 1 minute');
      expect(english.text).toContain(`${time} (Europe/Berlin)`);

      expect(await waitFor(() => pushed.length >= 1, 10_000)).toBe(true);
      expect(pushed[0]).toMatchObject({
        kind: 'reminder',
        sessionId: session.id,
        title: 'Erinnerung: Erinnerungstest Alpha',
      });
      const list = await de.request<NotificationView[]>('GET', `/api/events/${SLUG}/notifications`);
      expect(list.body.filter((n) => n.sessionId === session.id)).toHaveLength(1);

      // A retried or duplicated job finds the rows already sent.
      await queue.add('reminder', {
        kind: 'reminder',
        sessionId: session.id,
        offsetMinutes: 1,
        startsAt: session.startsAt,
      });
      await new Promise((r) => setTimeout(r, 3_000));
      expect(mailsAbout('Alpha')).toHaveLength(2);
      expect(pushed).toHaveLength(1);
      const rows = await t.dataSource.query<Array<{ channel: string; status: string }>>(
        `SELECT channel, status FROM reminder_deliveries WHERE session_id = $1 ORDER BY channel::text`,
        [session.id],
      );
      expect(rows.map((r) => `${r.channel}:${r.status}`)).toEqual([
        'email:sent',
        'email:sent',
        'in-app:sent',
        'in-app:sent',
      ]);
    });

    it('moving a session moves its reminders and tells the audience; cancelling removes them', async () => {
      const person = await as('attendee003@plenum.test');
      const session = await createSession('Verschiebetest Beta', 8);
      await addToAgenda(person, session.id);
      const later = new Date(Date.now() + 3 * 3_600_000);
      later.setMilliseconds(0);
      const moved = await organizer.request('PATCH', `/api/events/${SLUG}/sessions/${session.id}`, {
        startsAt: later.toISOString(),
        endsAt: new Date(later.getTime() + 1_800_000).toISOString(),
      });
      expect(moved.status).toBe(200);
      expect(
        await queue.getJob(reminderJobId(session.id, 1, new Date(session.startsAt))),
      ).toBeUndefined();
      const newJob = reminderJobId(session.id, 1, later);
      expect(await queue.getJob(newJob)).toBeDefined();

      expect(await waitFor(() => mailsAbout('Beta').length >= 1, 30_000)).toBe(true);
      expect(mailsAbout('Beta')[0]!.subject).toBe('Verschoben: Verschiebetest Beta');
      expect(mailsAbout('Beta')[0]!.text).toContain(berlinTime(later.toISOString()));
      // The old due time passes without a reminder.
      await new Promise((r) =>
        setTimeout(r, Math.max(0, Date.parse(session.startsAt) - 60_000 - Date.now()) + 3_000),
      );
      expect(mailsAbout('Beta').map((m) => m.subject)).toEqual(['Verschoben: Verschiebetest Beta']);

      const cancelled = await organizer.request(
        'POST',
        `/api/events/${SLUG}/sessions/${session.id}/cancel`,
      );
      expect(cancelled.status).toBe(200);
      expect(await queue.getJob(newJob)).toBeUndefined();
      expect(await waitFor(() => mailsAbout('Beta').length >= 2, 30_000)).toBe(true);
      expect(mailsAbout('Beta')[1]!.subject).toBe('Abgesagt: Verschiebetest Beta');
      const notices = await person.request<NotificationView[]>(
        'GET',
        `/api/events/${SLUG}/notifications`,
      );
      expect(notices.body.map((n) => n.kind).sort()).toEqual([
        'session-cancelled',
        'session-moved',
      ]);
    });

    it('reminds the confirmed registrants of a workshop, not those on its waitlist', async () => {
      const times = soon(6);
      const created = await organizer.request<{ session: { id: string } }>(
        'POST',
        `/api/events/${SLUG}/sessions`,
        { title: 'Werkstatt Epsilon', kind: 'workshop', capacity: 1, ...times },
      );
      expect(created.status).toBe(201);
      const workshopId = created.body.session.id;
      const seated = await as('attendee010@plenum.test');
      const waiting = await as('attendee011@plenum.test');
      for (const client of [seated, waiting]) {
        const res = await client.request(
          'POST',
          `/api/events/${SLUG}/workshops/${workshopId}/registration`,
        );
        expect(res.status).toBeLessThan(300);
      }
      // The seat itself is confirmed by mail too; only reminders count here.
      const reminded = () => mailsAbout('Erinnerung: Werkstatt Epsilon');
      expect(await waitFor(() => reminded().length >= 1, 40_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(reminded().map((m) => m.to)).toEqual(['attendee010@plenum.test']);
    });

    it('a session in the past schedules nothing', async () => {
      const past = new Date(Date.now() - 3_600_000);
      past.setMilliseconds(0);
      const res = await organizer.request<{ session: { id: string } }>(
        'POST',
        `/api/events/${SLUG}/sessions`,
        {
          title: 'Vergangen',
          kind: 'talk',
          startsAt: past.toISOString(),
          endsAt: new Date(past.getTime() + 1_800_000).toISOString(),
        },
      );
      expect(res.status).toBe(201);
      expect(await queue.getJob(reminderJobId(res.body.session.id, 1, past))).toBeUndefined();
    });

    it('preferences choose channels or turn reminders off; the unsubscribe link works without signing in', async () => {
      const inAppOnly = await as('attendee004@plenum.test');
      const off = await as('attendee005@plenum.test');
      const everything = await as('attendee006@plenum.test');
      const put = await inAppOnly.request<ReminderPreferencesView>(
        'PUT',
        `/api/events/${SLUG}/reminders/preferences`,
        {
          enabled: true,
          offsetsMinutes: null,
          channels: ['in-app'],
          allKeynotes: false,
        },
      );
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ channels: ['in-app'], eventOffsetsMinutes: [1] });
      await off.request('PUT', `/api/events/${SLUG}/reminders/preferences`, {
        enabled: false,
        offsetsMinutes: null,
        channels: ['in-app', 'email'],
        allKeynotes: false,
      });
      const session = await createSession('Einstellungstest Gamma', 6);
      for (const c of [inAppOnly, off, everything]) await addToAgenda(c, session.id);

      expect(await waitFor(() => mailsAbout('Gamma').length >= 1, 30_000)).toBe(true);
      await waitFor(async () => {
        const [row] = await t.dataSource.query<Array<{ n: string }>>(
          `SELECT count(*) AS n FROM reminder_deliveries WHERE session_id = $1 AND status = 'sent'`,
          [session.id],
        );
        return Number(row!.n) >= 3;
      }, 10_000);
      expect(mailsAbout('Gamma').map((m) => m.to)).toEqual(['attendee006@plenum.test']);
      const people = await t.dataSource.query<Array<{ email: string; channel: string }>>(
        `SELECT u.email, d.channel FROM reminder_deliveries d JOIN users u ON u.id = d.user_id
       WHERE d.session_id = $1 ORDER BY u.email, d.channel::text`,
        [session.id],
      );
      expect(people.map((p) => `${p.email}:${p.channel}`)).toEqual([
        'attendee004@plenum.test:in-app',
        'attendee006@plenum.test:email',
        'attendee006@plenum.test:in-app',
      ]);

      const token = /unsubscribe\?token=(\S+)/.exec(mailsAbout('Gamma')[0]!.text)![1]!;
      const anonymous = new ApiClient(t.baseUrl);
      const forged = await anonymous.request('POST', '/api/reminders/unsubscribe', {
        token: `${token}x`,
      });
      expect(forged.status).toBe(400);
      const done = await anonymous.request<{ eventTitle: string }>(
        'POST',
        '/api/reminders/unsubscribe',
        { token },
      );
      expect(done.status).toBe(200);
      expect(done.body.eventTitle).toContain('Digitale');
      const prefs = await everything.request<ReminderPreferencesView>(
        'GET',
        `/api/events/${SLUG}/reminders/preferences`,
      );
      expect(prefs.body).toMatchObject({ enabled: true, channels: ['in-app'] });
    });

    it('organizers announce to a role; others may not; the counts show what was sent', async () => {
      const attendee = await as('attendee007@plenum.test');
      const refused = await attendee.request('POST', `/api/events/${SLUG}/announcements`, {
        title: 'Nope',
        body: 'x',
        role: null,
        channels: ['email'],
      });
      expect(refused.status).toBe(403);
      const sent = await organizer.request('POST', `/api/events/${SLUG}/announcements`, {
        title: 'Hinweis an die Vortragenden Delta',
        body: 'Bitte 15 Minuten vorher im Backstage sein.',
        role: 'speaker',
        channels: ['email'],
      });
      expect(sent.status).toBe(201);
      const [speakers] = await t.dataSource.query<Array<{ n: string }>>(
        `SELECT count(DISTINCT m.user_id) AS n FROM memberships m JOIN events e ON e.id = m.event_id
       WHERE e.slug = $1 AND m.role = 'speaker'`,
        [SLUG],
      );
      const expected = Number(speakers!.n);
      expect(expected).toBeGreaterThan(0);
      expect(await waitFor(() => mailsAbout('Delta').length >= expected, 30_000)).toBe(true);
      expect(new Set(mailsAbout('Delta').map((m) => m.to)).size).toBe(expected);
      expect(mailsAbout('Delta')[0]!.text).toContain('Bitte 15 Minuten vorher im Backstage sein.');

      const stats = await organizer.request<DeliveryStats>(
        'GET',
        `/api/events/${SLUG}/reminders/deliveries`,
      );
      expect(stats.status).toBe(200);
      expect(stats.body.sent).toBeGreaterThanOrEqual(expected + 4);
      expect(stats.body.failed).toBe(0);
      expect(
        (await attendee.request('GET', `/api/events/${SLUG}/reminders/deliveries`)).status,
      ).toBe(403);
    });
  },
);
