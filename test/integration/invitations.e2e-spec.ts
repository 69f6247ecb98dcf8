import { Queue } from 'bullmq';
import { bullConnection } from '@plenum/platform';
import { ApiClient, randomSecret, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

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
    const invite = await organizer.request<{
      inviteUrl: string;
      userId: string;
      invitationId: string;
    }>('POST', '/api/events/digitale-staedte/invitations', {
      email: 'Neue.Moderatorin@Example.org',
      displayName: 'Neue Moderatorin',
      role: 'moderator',
      locale: 'en',
    });
    expect(invite.status).toBe(201);
    expect(invite.body.inviteUrl).toMatch(/^http:\/\/plenum\.example\/invite\/[A-Za-z0-9_-]{40,}$/);

    const job = await mailQueue.getJob(`invitation-${invite.body.invitationId}`);
    expect(job?.data).toMatchObject({
      kind: 'invitation',
      to: 'neue.moderatorin@example.org',
      locale: 'en',
      inviteUrl: invite.body.inviteUrl,
    });

    const token = invite.body.inviteUrl.split('/').pop()!;
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
