import { Queue } from 'bullmq';
import { invitationToken } from '@plenum/identity';
import { bullConnection } from '@plenum/platform';
import { ApiClient, randomSecret, redisContents, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface Invited {
  invitationId: string;
  email: string;
  inviteUrl: string | null;
  expiresAt: string;
}

describe('invitations: organizers invite people by an e-mail link to set a password', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let mailQueue: Queue;

  beforeAll(async () => {
    t = await startTestApp({
      seedDemo: true,
      env: { PUBLIC_URL: 'http://plenum.example', AUTH_SECRET: randomSecret() },
    });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    mailQueue = new Queue('mail', bullConnection(t.config));
  });
  afterAll(async () => {
    await mailQueue.close();
    await t.close();
  });

  it('invites a new moderator, queues the e-mail, and the link sets a password that works', async () => {
    const invite = await organizer.request<Invited>(
      'POST',
      '/api/events/digitale-staedte/invitations',
      {
        email: 'Neue.Moderatorin@Example.org',
        displayName: 'Neue Moderatorin',
        role: 'moderator',
        locale: 'en',
      },
    );
    expect(invite.status).toBe(201);
    // The token rides in the fragment, which no server (log, proxy) ever receives.
    expect(invite.body.inviteUrl).toMatch(/^http:\/\/plenum\.example\/invite#[A-Za-z0-9_-]{40,}$/);
    expect(invite.body).not.toHaveProperty('userId');
    const token = invite.body.inviteUrl!.split('#').pop()!;

    // The job names the invitation; the worker derives the link when it writes the e-mail.
    const job = await mailQueue.getJob(`invitation-${invite.body.invitationId}`);
    expect(job?.data).toEqual({ kind: 'invitation', invitationId: invite.body.invitationId });
    expect(await redisContents(`${t.config.redisPrefix}:*`)).not.toContain(token);

    const details = await new ApiClient(t.baseUrl).request<{ needsPassword: boolean }>(
      'POST',
      '/api/auth/invitations/lookup',
      { token },
    );
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      eventSlug: 'digitale-staedte',
      role: 'moderator',
      email: 'neue.moderatorin@example.org',
      needsPassword: true,
    });

    const person = new ApiClient(t.baseUrl);
    const short = await person.request<{ code: string }>('POST', '/api/auth/invitations/accept', {
      token,
      password: 'short',
    });
    expect(short.status).toBe(422);
    const accepted = await person.request<{ user: { email: string } }>(
      'POST',
      '/api/auth/invitations/accept',
      {
        token,
        password: 'ein-gutes-passwort',
      },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.user.email).toBe('neue.moderatorin@example.org');

    const again = await new ApiClient(t.baseUrl).request<{ code: string }>(
      'POST',
      '/api/auth/invitations/accept',
      {
        token,
        password: 'noch-ein-passwort',
      },
    );
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('INVITATION_INVALID');

    const login = new ApiClient(t.baseUrl);
    await login.login('neue.moderatorin@example.org', 'ein-gutes-passwort');
    const me = await login.request<{ memberships: Array<{ role: string }> }>('GET', '/api/me');
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'moderator' })]);
  });

  it('scopes a speaker invitation to a session of the event and refuses a foreign session', async () => {
    const [session] = await t.dataSource.query<Array<{ id: string; title: string }>>(
      `SELECT id, title FROM sessions WHERE kind = 'panel' ORDER BY starts_at LIMIT 1`,
    );
    const ok = await organizer.request('POST', '/api/events/digitale-staedte/invitations', {
      email: 'gast@example.org',
      displayName: 'Gast',
      role: 'speaker',
      sessionId: session!.id,
    });
    expect(ok.status).toBe(201);
    const members = await organizer.request<
      Array<{ email: string; role: string; sessionId: string | null; scopeName: string | null }>
    >('GET', '/api/events/digitale-staedte/members');
    expect(members.body.find((m) => m.email === 'gast@example.org')).toMatchObject({
      role: 'speaker',
      sessionId: session!.id,
      scopeName: session!.title,
    });
    const foreign = await organizer.request<{ details: { fields: Array<{ path: string }> } }>(
      'POST',
      '/api/events/digitale-staedte/invitations',
      {
        email: 'x@example.org',
        displayName: 'X',
        role: 'speaker',
        sessionId: '00000000-0000-4000-8000-000000000000',
      },
    );
    expect(foreign.status).toBe(422);
    expect(foreign.body.details.fields[0]!.path).toBe('sessionId');
  });

  describe('an existing account', () => {
    let other: ApiClient;
    const slugB = 'anderes-treffen';

    beforeAll(async () => {
      const created = await organizer.request('POST', '/api/events', {
        slug: slugB,
        title: 'Anderes Treffen',
        timeZone: 'Europe/Vienna',
        startsOn: '2026-09-01',
        endsOn: '2026-09-02',
      });
      expect(created.status).toBe(201);
      // Someone who organizes event B only (no role in the demo congress, no admin flag), and
      // the platform admin who made it is no member of it.
      await t.dataSource.query(
        `DELETE FROM memberships WHERE event_id = (SELECT id FROM events WHERE slug = $1)`,
        [slugB],
      );
      await t.dataSource.query(
        `INSERT INTO memberships (user_id, event_id, role)
         SELECT u.id, e.id, 'organizer' FROM users u, events e
         WHERE u.email = 'attendee010@plenum.test' AND e.slug = $1`,
        [slugB],
      );
      other = new ApiClient(t.baseUrl);
      await other.login('attendee010@plenum.test');
    });

    it('cannot be taken over: no link for the inviter, and no link sets its password', async () => {
      const invite = await other.request<Invited>('POST', `/api/events/${slugB}/invitations`, {
        email: 'organizer@plenum.test',
        displayName: 'Irgendwer',
        role: 'attendee',
      });
      expect(invite.status).toBe(201);
      expect(invite.body.inviteUrl).toBeNull();
      expect(invite.body.email).toBe('organizer@plenum.test');
      expect(JSON.stringify(invite.body)).not.toMatch(/Olivia|userId/);

      // Not even the mail job or anything else in Redis holds the link's secret.
      const job = await mailQueue.getJob(`invitation-${invite.body.invitationId}`);
      expect(job?.data).toEqual({ kind: 'invitation', invitationId: invite.body.invitationId });
      const token = invitationToken(t.config.authSecret, invite.body.invitationId);
      expect(await redisContents(`${t.config.redisPrefix}:*`)).not.toContain(token);

      // Whoever gets hold of the link still cannot set a password with it.
      const takeover = await new ApiClient(t.baseUrl).request<{ code: string }>(
        'POST',
        '/api/auth/invitations/accept',
        { token, password: 'uebernommen-1234' },
      );
      expect(takeover.status).toBe(409);
      expect(takeover.body.code).toBe('INVITATION_SIGN_IN_REQUIRED');
      const stolen = await new ApiClient(t.baseUrl).request('POST', '/api/auth/login', {
        email: 'organizer@plenum.test',
        password: 'uebernommen-1234',
      });
      expect(stolen.status).toBe(401);
      await expect(
        new ApiClient(t.baseUrl).login('organizer@plenum.test'),
      ).resolves.toBeUndefined();

      const details = await new ApiClient(t.baseUrl).request<{ needsPassword: boolean }>(
        'POST',
        '/api/auth/invitations/lookup',
        { token },
      );
      expect(details.body.needsPassword).toBe(false);

      // Until it is accepted, event B's organizers see the address they typed, nothing more.
      const members = await other.request<Array<{ email: string }>>(
        'GET',
        `/api/events/${slugB}/members`,
      );
      expect(members.body.map((m) => m.email)).not.toContain('organizer@plenum.test');
      const pending = await other.request<unknown[]>('GET', `/api/events/${slugB}/invitations`);
      expect(pending.body).toEqual([
        {
          invitationId: invite.body.invitationId,
          email: 'organizer@plenum.test',
          role: 'attendee',
          sessionId: null,
          boothId: null,
          scopeName: null,
          expiresAt: invite.body.expiresAt,
        },
      ]);

      // Another signed-in account cannot accept it; the owner, signed in, can.
      const stranger = new ApiClient(t.baseUrl);
      await stranger.login('attendee011@plenum.test');
      const wrong = await stranger.request<{ code: string }>('POST', '/api/me/invitations/accept', {
        token,
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('INVITATION_OTHER_ACCOUNT');
      expect(
        (await new ApiClient(t.baseUrl).request('POST', '/api/me/invitations/accept', { token }))
          .status,
      ).toBe(401);

      const owner = new ApiClient(t.baseUrl);
      await owner.login('organizer@plenum.test');
      const accepted = await owner.request('POST', '/api/me/invitations/accept', { token });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ eventSlug: slugB });
      const me = await owner.request<{ memberships: Array<{ eventSlug: string; role: string }> }>(
        'GET',
        '/api/me',
      );
      expect(me.body.memberships).toContainEqual(
        expect.objectContaining({ eventSlug: slugB, role: 'attendee' }),
      );
      expect(
        (await other.request<unknown[]>('GET', `/api/events/${slugB}/invitations`)).body,
      ).toEqual([]);
      expect((await owner.request('POST', '/api/me/invitations/accept', { token })).status).toBe(
        410,
      );
    });

    it('lets the owner decline, and the inviter withdraw', async () => {
      const declined = await other.request<Invited>('POST', `/api/events/${slugB}/invitations`, {
        email: 'attendee012@plenum.test',
        displayName: 'X',
        role: 'speaker',
      });
      const token = invitationToken(t.config.authSecret, declined.body.invitationId);
      expect(
        (await new ApiClient(t.baseUrl).request('POST', '/api/auth/invitations/decline', { token }))
          .status,
      ).toBe(204);
      const owner = new ApiClient(t.baseUrl);
      await owner.login('attendee012@plenum.test');
      expect((await owner.request('POST', '/api/me/invitations/accept', { token })).status).toBe(
        410,
      );

      const withdrawn = await other.request<Invited>('POST', `/api/events/${slugB}/invitations`, {
        email: 'attendee012@plenum.test',
        displayName: 'X',
        role: 'moderator',
      });
      const removed = await other.request(
        'DELETE',
        `/api/events/${slugB}/invitations/${withdrawn.body.invitationId}`,
      );
      expect(removed.status).toBe(204);
      const again = invitationToken(t.config.authSecret, withdrawn.body.invitationId);
      expect(
        (await owner.request('POST', '/api/me/invitations/accept', { token: again })).status,
      ).toBe(410);
      expect(
        (await other.request<unknown[]>('GET', `/api/events/${slugB}/invitations`)).body,
      ).toEqual([]);
      const me = await owner.request<{ memberships: Array<{ eventSlug: string }> }>(
        'GET',
        '/api/me',
      );
      expect(me.body.memberships.filter((m) => m.eventSlug === slugB)).toEqual([]);
    });
  });

  it('forbids attendees and moderators to invite', async () => {
    for (const email of ['attendee@plenum.test', 'moderator@plenum.test']) {
      const api = new ApiClient(t.baseUrl);
      await api.login(email);
      const res = await api.request('POST', '/api/events/digitale-staedte/invitations', {
        email: 'y@example.org',
        displayName: 'Y',
        role: 'organizer',
      });
      expect(res.status).toBe(403);
    }
  });
});
