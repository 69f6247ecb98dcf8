import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import { bullConnection } from '@plenum/platform';
import { builtWorker, waitFor } from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { ApiClient, deleteRedisKeys, redisContents, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { startSmtp, startWorker } from './reminders/reminders-fixture';
import type { ReceivedMail } from './reminders/reminders-fixture';

const built = existsSync(builtWorker) ? describe : describe.skip;

const PER_ADDRESS = 12;

built('e-mail links: "Passwort vergessen", sign-in by link, and the list of sign-ins', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let worker: RunningProcess;
  let mailQueue: Queue;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      seedDemo: true,
      env: { EMAIL_LINK_MAX_PER_ADDRESS: String(PER_ADDRESS) },
    });
    worker = startWorker(t, smtp.port);
    mailQueue = new Queue(queueNames.mail, bullConnection(t.config));
  });

  afterAll(async () => {
    worker.child.kill('SIGKILL');
    await mailQueue.close();
    await t.close();
    await smtp.close();
  });

  // Each test starts with empty request windows; the suite's own key prefix keeps other suites out.
  beforeEach(() => deleteRedisKeys(`${t.config.redisPrefix}:email-links:*`));

  async function mailTo(address: string, count = 1): Promise<ReceivedMail> {
    const arrived = await waitFor(
      () => smtp.mails.filter((m) => m.to === address).length >= count,
      30_000,
    );
    expect(arrived).toBe(true);
    return smtp.mails.filter((m) => m.to === address)[count - 1]!;
  }

  function tokenIn(mail: ReceivedMail, page: string): string {
    const match = new RegExp(`${t.config.publicUrl}/${page}#([A-Za-z0-9_-]+)`).exec(mail.text);
    expect(match).not.toBeNull();
    return match![1]!;
  }

  /** Every mail job has been taken and finished (or failed): what the worker will send is sent. */
  async function queueSettled(): Promise<boolean> {
    return waitFor(async () => {
      const c = await mailQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(c).every((n) => n === 0);
    }, 30_000);
  }

  it('resets a password by a single-use link in the person’s language and ends every other sign-in', async () => {
    const elsewhere = new ApiClient(t.baseUrl);
    await elsewhere.login('attendee001@plenum.test');
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(200);

    const anyone = new ApiClient(t.baseUrl);
    const asked = await anyone.request('POST', '/api/auth/password-reset/request', {
      email: 'Attendee001@Plenum.test',
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ accepted: true });

    const mail = await mailTo('attendee001@plenum.test');
    expect(mail.subject).toBe('Neues Passwort für Plenum');
    expect(mail.text).toContain('Der Link gilt 30 Minuten und nur einmal.');
    const token = tokenIn(mail, 'reset-password');
    // Neither the queue nor anything else in Redis holds the link's secret.
    expect(await redisContents(`${t.config.redisPrefix}:*`)).not.toContain(token);
    // The table holds its hash only.
    const [stored] = await t.dataSource.query<Array<{ token_hash: string }>>(
      `SELECT l.token_hash FROM sign_in_links l JOIN users u ON u.id = l.user_id
        WHERE u.email = 'attendee001@plenum.test'`,
    );
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);

    const reset = new ApiClient(t.baseUrl);
    const done = await reset.request<{ accessToken: string; user: { email: string } }>(
      'POST',
      '/api/auth/password-reset',
      { token, password: 'ein-neues-passwort' },
    );
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe('attendee001@plenum.test');
    expect(reset.cookie).toBeDefined();

    // The other device is signed out: its access token and its refresh cookie stop working.
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(401);
    expect((await elsewhere.request('POST', '/api/auth/refresh')).status).toBe(401);
    // The new password works, the old one does not.
    const oldPassword = await anyone.request('POST', '/api/auth/login', {
      email: 'attendee001@plenum.test',
      password: 'plenum',
    });
    expect(oldPassword.status).toBe(401);
    await new ApiClient(t.baseUrl).login('attendee001@plenum.test', 'ein-neues-passwort');

    // Single use.
    const again = await anyone.request<{ code: string }>('POST', '/api/auth/password-reset', {
      token,
      password: 'noch-ein-passwort',
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('EMAIL_LINK_INVALID');
  });

  it('refuses a reset link after its 30 minutes', async () => {
    const anyone = new ApiClient(t.baseUrl);
    await anyone.request('POST', '/api/auth/password-reset/request', {
      email: 'attendee002@plenum.test',
    });
    const token = tokenIn(await mailTo('attendee002@plenum.test'), 'reset-password');
    const [row] = await t.dataSource.query<Array<{ minutes: number }>>(
      `SELECT round(extract(epoch FROM l.expires_at - l.created_at) / 60)::int AS minutes
         FROM sign_in_links l JOIN users u ON u.id = l.user_id
        WHERE u.email = 'attendee002@plenum.test'`,
    );
    expect(row?.minutes).toBe(30);
    await t.dataSource.query(
      `UPDATE sign_in_links SET expires_at = now() - interval '1 second'
        WHERE user_id = (SELECT id FROM users WHERE email = 'attendee002@plenum.test')`,
    );
    const late = await anyone.request<{ code: string }>('POST', '/api/auth/password-reset', {
      token,
      password: 'zu-spaet-gesetzt',
    });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('EMAIL_LINK_INVALID');
    await new ApiClient(t.baseUrl).login('attendee002@plenum.test');
  });

  it('answers an unknown address exactly as a known one, and sends it nothing', async () => {
    const anyone = new ApiClient(t.baseUrl);
    const answers = [];
    for (const [path, email] of [
      ['/api/auth/password-reset/request', 'niemand@example.org'],
      ['/api/auth/password-reset/request', 'attendee003@plenum.test'],
      ['/api/auth/sign-in-link/request', 'auch-niemand@example.org'],
      ['/api/auth/sign-in-link/request', 'attendee004@plenum.test'],
    ] as const) {
      const res = await anyone.request<unknown>('POST', path, { email });
      answers.push({
        status: res.status,
        body: res.body,
        type: res.headers.get('content-type'),
        length: res.headers.get('content-length'),
      });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    await mailTo('attendee003@plenum.test');
    await mailTo('attendee004@plenum.test');
    expect(await queueSettled()).toBe(true);
    const to = smtp.mails.map((m) => m.to);
    expect(to).not.toContain('niemand@example.org');
    expect(to).not.toContain('auch-niemand@example.org');

    // Throttled alike too: the fourth request for an address is refused, known or not.
    for (const email of ['niemand@example.org', 'attendee003@plenum.test']) {
      for (let i = 0; i < 2; i++) {
        const ok = await anyone.request('POST', '/api/auth/password-reset/request', { email });
        expect(ok.status).toBe(202);
      }
      const refused = await anyone.request<{ code: string; retryAfterMs: number }>(
        'POST',
        '/api/auth/password-reset/request',
        { email },
      );
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
      expect(refused.body.retryAfterMs).toBeGreaterThan(0);
    }
  });

  it('throttles one client asking for many addresses', async () => {
    const anyone = new ApiClient(t.baseUrl);
    for (let i = 0; i < PER_ADDRESS; i++) {
      const res = await anyone.request('POST', '/api/auth/sign-in-link/request', {
        email: `probe-${i}@example.org`,
      });
      expect(res.status).toBe(202);
    }
    const refused = await anyone.request<{ code: string }>(
      'POST',
      '/api/auth/sign-in-link/request',
      { email: 'attendee005@plenum.test' },
    );
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
  });

  it('signs in by a single-use link in English for an English reader; a reset link does not sign in', async () => {
    const person = new ApiClient(t.baseUrl);
    await person.login('attendee006@plenum.test');
    expect((await person.request('PATCH', '/api/me', { locale: 'en' })).status).toBe(200);

    const anyone = new ApiClient(t.baseUrl);
    await anyone.request('POST', '/api/auth/sign-in-link/request', {
      email: 'attendee006@plenum.test',
    });
    const mail = await mailTo('attendee006@plenum.test');
    expect(mail.subject).toBe('Your sign-in link for Plenum');
    expect(mail.text).toContain('The link works once, for 15 minutes.');
    const token = tokenIn(mail, 'sign-in-link');

    const wrongKind = await anyone.request('POST', '/api/auth/password-reset', {
      token,
      password: 'nicht-mit-diesem-link',
    });
    expect(wrongKind.status).toBe(400);

    const linked = new ApiClient(t.baseUrl);
    const signedIn = await linked.request<{ accessToken: string }>(
      'POST',
      '/api/auth/sign-in-link',
      { token },
    );
    expect(signedIn.status).toBe(200);
    linked.token = signedIn.body.accessToken;
    const me = await linked.request<{ user: { email: string } }>('GET', '/api/me');
    expect(me.body.user.email).toBe('attendee006@plenum.test');
    // The earlier sign-in goes on: a link adds a device, it does not end the others.
    expect((await person.request('GET', '/api/me')).status).toBe(200);

    const again = await anyone.request('POST', '/api/auth/sign-in-link', { token });
    expect(again.status).toBe(400);
  });

  it('lists the person’s sign-ins and ends one, all but this one, or all of them', async () => {
    const phone = new ApiClient(t.baseUrl);
    const laptop = new ApiClient(t.baseUrl);
    const tablet = new ApiClient(t.baseUrl);
    for (const [client, agent] of [
      [phone, 'Telefon/1.0'],
      [laptop, 'Laptop/2.0'],
      [tablet, 'Tablet/3.0'],
    ] as const) {
      const res = await client.request<{ accessToken: string }>(
        'POST',
        '/api/auth/login',
        { email: 'attendee007@plenum.test', password: 'plenum' },
        { 'user-agent': agent },
      );
      client.token = res.body.accessToken;
    }
    type SignIn = { id: string; userAgent: string; current: boolean; lastUsedAt: string };
    const list = await laptop.request<SignIn[]>('GET', '/api/me/sign-ins');
    expect(list.status).toBe(200);
    expect(list.body.map((s) => s.userAgent).sort()).toEqual([
      'Laptop/2.0',
      'Tablet/3.0',
      'Telefon/1.0',
    ]);
    expect(list.body.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Laptop/2.0']);

    // Someone else's sign-in is not found.
    const stranger = new ApiClient(t.baseUrl);
    await stranger.login('attendee008@plenum.test');
    const phoneId = list.body.find((s) => s.userAgent === 'Telefon/1.0')!.id;
    expect((await stranger.request('DELETE', `/api/me/sign-ins/${phoneId}`)).status).toBe(404);
    expect((await phone.request('GET', '/api/me')).status).toBe(200);

    expect((await laptop.request('DELETE', `/api/me/sign-ins/${phoneId}`)).status).toBe(204);
    expect((await phone.request('GET', '/api/me')).status).toBe(401);

    const keep = await laptop.request('POST', '/api/me/sign-ins/end', { keepThisOne: true });
    expect(keep.status).toBe(204);
    expect((await tablet.request('GET', '/api/me')).status).toBe(401);
    const left = await laptop.request<SignIn[]>('GET', '/api/me/sign-ins');
    expect(left.body.map((s) => s.userAgent)).toEqual(['Laptop/2.0']);

    const everywhere = await laptop.request('POST', '/api/me/sign-ins/end', {
      keepThisOne: false,
    });
    expect(everywhere.status).toBe(204);
    expect((await laptop.request('GET', '/api/me')).status).toBe(401);
    expect((await stranger.request('GET', '/api/me')).status).toBe(200);
  });
});
