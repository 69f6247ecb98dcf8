import { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import { bullConnection } from '@plenum/platform';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

/*
 * bull-board at /admin/queues: a server-rendered page that the SPA's bearer token cannot reach,
 * opened with a cookie the organizer view obtains, and refused to everyone else.
 */
describe('queue dashboard at /admin/queues', () => {
  let t: TestApp;

  async function as(email: string): Promise<ApiClient> {
    const client = new ApiClient(t.baseUrl);
    await client.login(email);
    return client;
  }

  /** Asks for the dashboard cookie; returns the status and the cookie as a request header. */
  async function dashboardCookie(client: ApiClient): Promise<{ status: number; cookie: string }> {
    const res = await client.request('POST', '/api/admin/queues/session');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('plenum_queues=')) ?? '';
    return { status: res.status, cookie: setCookie.split(';')[0] ?? '' };
  }

  const open = (path: string, cookie?: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    await t.close();
  });

  it('refuses anonymous visitors with a sign-in page, and its API too', async () => {
    const page = await open('/admin/queues');
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Anmeldung nötig');
    const api = await open('/admin/queues/api/queues');
    expect(api.status).toBe(401);
    const forged = await open(
      '/admin/queues',
      'plenum_queues=6d1f3c52-8a3e-4a49-9c55-0c9e7a1e2b11.not-a-signature',
    );
    expect(forged.status).toBe(401);
  });

  it('gives attendees no cookie', async () => {
    const attendee = await as('attendee@plenum.test');
    const res = await dashboardCookie(attendee);
    expect(res.status).toBe(403);
    expect(res.cookie).toBe('');
  });

  it('shows an organizer the dashboard, whose API lists the reminder queues', async () => {
    const organizer = await as('organizer@plenum.test');
    const { status, cookie } = await dashboardCookie(organizer);
    expect(status).toBe(204);
    const raw = (
      await organizer.request('POST', '/api/admin/queues/session')
    ).headers.getSetCookie()[0]!;
    expect(raw).toMatch(/Path=\/admin\/queues/);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Strict/);

    const page = await open('/admin/queues', cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/');
    expect(html).toContain('__UI_CONFIG__');

    const api = await open('/admin/queues/api/queues', cookie);
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: Array<{ name: string }> };
    expect(body.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['reminders', 'deliveries', 'mail']),
    );

    // Logging out ends the sign-in the cookie names.
    await organizer.request('POST', '/api/auth/logout');
    expect((await open('/admin/queues', cookie)).status).toBe(401);
  });

  it('is read-only: no job can be added, retried or removed through it', async () => {
    const { cookie } = await dashboardCookie(await as('organizer@plenum.test'));
    const add = await fetch(`${t.baseUrl}/admin/queues/api/queues/mail/add`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', data: { kind: 'invitation', to: 'anyone@example.org' } }),
    });
    expect(add.status).toBe(405);
    const clean = await fetch(`${t.baseUrl}/admin/queues/api/queues/mail/clean/completed`, {
      method: 'PUT',
      headers: { cookie },
    });
    expect(clean.status).toBe(405);
    const mail = new Queue(queueNames.mail, bullConnection(t.config));
    try {
      expect(await mail.getJobCounts()).toMatchObject({ waiting: 0, delayed: 0, completed: 0 });
    } finally {
      await mail.close();
    }
  });

  it('is writable only when QUEUE_DASHBOARD_WRITABLE says so', async () => {
    const writable = await startTestApp({
      seedDemo: true,
      env: { QUEUE_DASHBOARD_WRITABLE: 'true' },
    });
    try {
      const admin = new ApiClient(writable.baseUrl);
      await admin.login('organizer@plenum.test');
      const res = await admin.request('POST', '/api/admin/queues/session');
      const cookie = (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const clean = await fetch(
        `${writable.baseUrl}/admin/queues/api/queues/mail/clean/completed`,
        {
          method: 'PUT',
          headers: { cookie },
        },
      );
      expect(clean.status).toBe(200);
    } finally {
      await writable.close();
    }
  });

  it('refuses an event organizer who is no installation admin: the queues hold every event', async () => {
    const email = 'attendee010@plenum.test';
    const [{ id: userId } = { id: '' }] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM users WHERE email = $1`,
      [email],
    );
    const [{ id: eventId } = { id: '' }] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM events WHERE slug = 'digitale-staedte'`,
    );
    await t.dataSource.query(
      `INSERT INTO memberships (user_id, event_id, role) VALUES ($1, $2, 'organizer')`,
      [userId, eventId],
    );
    const person = await as(email);
    const refusedCookie = await dashboardCookie(person);
    expect(refusedCookie.status).toBe(403);
    expect(refusedCookie.cookie).toBe('');

    // An admin's cookie stops working once the flag is gone.
    await t.dataSource.query(`UPDATE users SET is_platform_admin = true WHERE id = $1`, [userId]);
    const { status, cookie } = await dashboardCookie(person);
    expect(status).toBe(204);
    expect((await open('/admin/queues', cookie)).status).toBe(200);
    await t.dataSource.query(`UPDATE users SET is_platform_admin = false WHERE id = $1`, [userId]);
    const refused = await open('/admin/queues', cookie);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Kein Zugriff');
    expect((await open('/admin/queues/api/queues', cookie)).status).toBe(403);
  });
});
