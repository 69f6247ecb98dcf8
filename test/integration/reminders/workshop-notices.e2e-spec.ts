import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import type { MyWorkshopRegistration, NotificationView } from '@plenum/contracts';
import { bullConnection } from '@plenum/platform';
import { builtWorker, waitFor } from '../../support/processes';
import type { RunningProcess } from '../../support/processes';
import { collect, connectLive } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { ApiClient, randomSecret, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { SLUG, berlinTime, startSmtp, startWorker } from './reminders-fixture';
import type { ReceivedMail } from './reminders-fixture';

const built = existsSync(builtWorker) ? describe : describe.skip;

/*
 * Workshop seat notices on the reminders path: the api queues them after the registration
 * commits, the worker sends them in-app and by e-mail like every other notice.
 */
built('workshop notices: seat confirmed and waitlist promotion, in-app and by e-mail', () => {
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

  /** A workshop in two days, so no reminder of it falls due during the test. */
  async function createWorkshop(title: string, capacity: number) {
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setSeconds(0, 0);
    const startsAt = start.toISOString();
    const res = await organizer.request<{ session: { id: string } }>(
      'POST',
      `/api/events/${SLUG}/sessions`,
      {
        title,
        kind: 'workshop',
        capacity,
        startsAt,
        endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
      },
    );
    expect(res.status).toBe(201);
    return { id: res.body.session.id, startsAt };
  }

  async function register(client: ApiClient, workshopId: string) {
    const res = await client.request<MyWorkshopRegistration>(
      'POST',
      `/api/events/${SLUG}/workshops/${workshopId}/registration`,
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  const mailsTo = (email: string, title: string): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to === email && m.subject.includes(title));

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      seedDemo: true,
      env: { PUBLIC_URL: 'https://kongress.example.org', AUTH_SECRET: randomSecret() },
    });
    queue = new Queue(queueNames.reminders, bullConnection(t.config));
    organizer = await as('organizer@plenum.test');
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

  it('confirms a seat by e-mail in the person’s language, with the time, the room link and an .ics', async () => {
    await t.dataSource.query(
      `UPDATE users SET locale = 'en' WHERE email = 'attendee301@plenum.test'`,
    );
    const workshop = await createWorkshop('Werkstatt Sitzplatz', 5);
    const english = await as('attendee301@plenum.test');
    const german = await as('attendee302@plenum.test');
    expect(await register(english, workshop.id)).toMatchObject({ status: 'confirmed' });
    expect(await register(german, workshop.id)).toMatchObject({ status: 'confirmed' });

    expect(
      await waitFor(
        () =>
          mailsTo('attendee301@plenum.test', 'Sitzplatz').length >= 1 &&
          mailsTo('attendee302@plenum.test', 'Sitzplatz').length >= 1,
        30_000,
      ),
    ).toBe(true);
    const en = mailsTo('attendee301@plenum.test', 'Sitzplatz')[0]!;
    const de = mailsTo('attendee302@plenum.test', 'Sitzplatz')[0]!;
    const time = berlinTime(workshop.startsAt);
    const room = `https://kongress.example.org/e/${SLUG}/workshops/${workshop.id}`;

    expect(en.subject).toBe('Seat confirmed: Werkstatt Sitzplatz');
    expect(en.text).toContain('You have a seat in the workshop "Werkstatt Sitzplatz"');
    expect(en.text).toContain(`${time} (Europe/Berlin)`);
    expect(en.text).toContain(room);
    expect(en.calendar).toContain('SUMMARY:Werkstatt Sitzplatz');

    expect(de.subject).toBe('Platz bestätigt: Werkstatt Sitzplatz');
    expect(de.text).toContain('Sie haben einen Platz im Workshop „Werkstatt Sitzplatz“');
    expect(de.text).toContain(`${time} (Europe/Berlin)`);
    expect(de.text).toContain(room);
    expect(de.calendar).toContain('BEGIN:VEVENT');

    let notices: NotificationView[] = [];
    expect(
      await waitFor(async () => {
        const list = await german.request<NotificationView[]>(
          'GET',
          `/api/events/${SLUG}/notifications`,
        );
        notices = list.body.filter((n) => n.sessionId === workshop.id);
        return notices.length >= 1;
      }, 10_000),
    ).toBe(true);
    expect(notices.map((n) => [n.kind, n.title, n.link])).toEqual([
      [
        'workshop-seat-confirmed',
        'Platz bestätigt: Werkstatt Sitzplatz',
        `/e/${SLUG}/workshops/${workshop.id}`,
      ],
    ]);
  });

  it('tells the first on the waitlist exactly once, in-app and by e-mail, when a seat frees up', async () => {
    const workshop = await createWorkshop('Werkstatt Nachrücken', 1);
    const holder = await as('attendee303@plenum.test');
    const waiting = await as('attendee304@plenum.test');
    const socket = await connectLive(t.baseUrl, waiting.token);
    sockets.push(socket);
    const pushed = collect(socket, 'notification:new');

    expect(await register(holder, workshop.id)).toMatchObject({ status: 'confirmed' });
    expect(await register(waiting, workshop.id)).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    expect(
      await waitFor(() => mailsTo('attendee303@plenum.test', 'Nachrücken').length >= 1, 30_000),
    ).toBe(true);
    // A place on the waitlist is no seat: nothing yet for the one waiting.
    expect(mailsTo('attendee304@plenum.test', 'Nachrücken')).toEqual([]);

    const cancelled = await holder.request(
      'DELETE',
      `/api/events/${SLUG}/workshops/${workshop.id}/registration`,
    );
    expect(cancelled.status).toBe(200);
    expect(
      await waitFor(() => mailsTo('attendee304@plenum.test', 'Nachrücken').length >= 1, 30_000),
    ).toBe(true);
    expect(await waitFor(() => pushed.length >= 1, 10_000)).toBe(true);

    // The same notice queued again (a retried or duplicated job) finds the rows already sent.
    const waitingId = (
      await t.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE email = 'attendee304@plenum.test'`,
      )
    )[0]!.id;
    await queue.add('workshop-promoted', {
      kind: 'workshop-notice',
      notice: 'workshop-promoted',
      sessionId: workshop.id,
      userId: waitingId,
    });
    await new Promise((r) => setTimeout(r, 3_000));

    const mails = mailsTo('attendee304@plenum.test', 'Nachrücken');
    expect(mails.map((m) => m.subject)).toEqual(['Nachgerückt: Werkstatt Nachrücken']);
    expect(mails[0]!.text).toContain('Ein Platz wurde frei');
    expect(mails[0]!.calendar).toContain('SUMMARY:Werkstatt Nachrücken');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({
      kind: 'workshop-promoted',
      sessionId: workshop.id,
      title: 'Nachgerückt: Werkstatt Nachrücken',
    });
    const list = await waiting.request<NotificationView[]>(
      'GET',
      `/api/events/${SLUG}/notifications`,
    );
    expect(list.body.filter((n) => n.sessionId === workshop.id).map((n) => n.kind)).toEqual([
      'workshop-promoted',
    ]);
  });

  it('follows the person’s channels: in-app only means no e-mail', async () => {
    const person = await as('attendee305@plenum.test');
    const prefs = await person.request('PUT', `/api/events/${SLUG}/reminders/preferences`, {
      enabled: true,
      offsetsMinutes: null,
      channels: ['in-app'],
      allKeynotes: false,
    });
    expect(prefs.status).toBe(200);
    const workshop = await createWorkshop('Werkstatt Kanal', 3);
    await register(person, workshop.id);
    const inApp = async () =>
      (
        await person.request<NotificationView[]>('GET', `/api/events/${SLUG}/notifications`)
      ).body.filter((n) => n.sessionId === workshop.id);
    let notices: NotificationView[] = [];
    expect(
      await waitFor(async () => {
        notices = await inApp();
        return notices.length >= 1;
      }, 30_000),
    ).toBe(true);
    expect(notices.map((n) => n.kind)).toEqual(['workshop-seat-confirmed']);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(mailsTo('attendee305@plenum.test', 'Kanal')).toEqual([]);
  });
});
