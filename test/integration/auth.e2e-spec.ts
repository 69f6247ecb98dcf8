import { SignJWT } from 'jose';
import { connectLive, disconnected } from '../support/live-client';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface ErrorBody {
  code: string;
  message: string;
  retryAfterMs?: number;
  details?: { fields?: Array<{ path: string; message: string }> };
}

describe('identity: login, refresh, logout, throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      seedDemo: true,
      env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' },
    });
  });
  afterAll(() => t.close());

  it('logs in a demo attendee with a short-lived token and an httpOnly SameSite refresh cookie', async () => {
    const api = new ApiClient(t.baseUrl);
    const res = await api.request<{
      accessToken: string;
      expiresInSeconds: number;
      user: { email: string; locale: string };
    }>('POST', '/api/auth/login', { email: 'Attendee@Plenum.test', password: 'plenum' });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('attendee@plenum.test');
    expect(res.body.expiresInSeconds).toBeLessThanOrEqual(900);
    const payload = JSON.parse(
      Buffer.from(res.body.accessToken.split('.')[1]!, 'base64url').toString(),
    ) as {
      exp: number;
      iat: number;
    };
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('plenum_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    api.token = res.body.accessToken;

    const me = await api.request<{
      user: { email: string };
      memberships: Array<{ role: string; eventSlug: string }>;
    }>('GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ role: 'attendee', eventSlug: 'digitale-staedte' }),
    ]);
  });

  it('refuses a wrong password with 401 and the same answer for an unknown account', async () => {
    const api = new ApiClient(t.baseUrl);
    const wrong = await api.request<ErrorBody>('POST', '/api/auth/login', {
      email: 'attendee001@plenum.test',
      password: 'nope',
    });
    const unknown = await api.request<ErrorBody>('POST', '/api/auth/login', {
      email: 'nobody@plenum.test',
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers bad bodies with field messages and malformed JSON with 400', async () => {
    const api = new ApiClient(t.baseUrl);
    const bad = await api.request<ErrorBody>('POST', '/api/auth/login', {
      email: 'not-an-address',
      password: '',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details?.fields?.map((f) => f.path).sort()).toEqual(['email', 'password']);
    const malformed = await api.request<ErrorBody>('POST', '/api/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('BAD_REQUEST');
  });

  it('requires a token on every route not marked public', async () => {
    const api = new ApiClient(t.baseUrl);
    const res = await api.request<ErrorBody>('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    const forged = await api.request<ErrorBody>('GET', '/api/me', undefined, {
      authorization: 'Bearer abc.def.ghi',
    });
    expect(forged.status).toBe(401);
  });

  it('refuses an expired access token with TOKEN_EXPIRED', async () => {
    const key = new TextEncoder().encode(t.config.authSecret);
    const expired = await new SignJWT({ sid: '00000000-0000-4000-8000-000000000000' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000001')
      .setIssuer('plenum')
      .setAudience('plenum-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 1000)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 100)
      .sign(key);
    const api = new ApiClient(t.baseUrl);
    const res = await api.request<ErrorBody>('GET', '/api/me', undefined, {
      authorization: `Bearer ${expired}`,
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_EXPIRED');
  });

  it('rotates the refresh token and ends the session when a rotated-out token is replayed', async () => {
    const api = new ApiClient(t.baseUrl);
    await api.login('attendee002@plenum.test');
    const first = api.cookie!;
    const refreshed = await api.request<{ accessToken: string }>('POST', '/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    expect(api.cookie).toBeDefined();
    expect(api.cookie).not.toBe(first);
    api.token = refreshed.body.accessToken;
    expect((await api.request('GET', '/api/me')).status).toBe(200);

    // Replaying the first token after the grace window revokes the whole session.
    await t.dataSource.query(`UPDATE auth_sessions SET last_used_at = now() - interval '1 minute'`);
    const thief = new ApiClient(t.baseUrl);
    thief.cookie = first;
    const replay = await thief.request<ErrorBody>('POST', '/api/auth/refresh');
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_INVALID');
    expect((await api.request('POST', '/api/auth/refresh')).status).toBe(401);
    expect((await api.request('GET', '/api/me')).status).toBe(401);
  });

  it('ends the session for good, sockets included, when any earlier refresh token comes back', async () => {
    const api = new ApiClient(t.baseUrl);
    await api.login('attendee006@plenum.test');
    const c0 = api.cookie!;
    expect((await api.request('POST', '/api/auth/refresh')).status).toBe(200);
    const c1 = api.cookie!;
    const third = await api.request<{ accessToken: string }>('POST', '/api/auth/refresh');
    expect(third.status).toBe(200);
    const c2 = api.cookie!;
    expect(new Set([c0, c1, c2]).size).toBe(3);
    const socket = await connectLive(t.baseUrl, third.body.accessToken);
    const closed = disconnected(socket, 10_000);

    const [{ id: sessionId } = { id: '' }] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT s.id FROM auth_sessions s JOIN users u ON u.id = s.user_id
       WHERE u.email = 'attendee006@plenum.test'`,
    );
    await t.dataSource.query(
      `UPDATE auth_sessions SET last_used_at = now() - interval '1 minute' WHERE id = $1`,
      [sessionId],
    );
    const thief = new ApiClient(t.baseUrl);
    thief.cookie = c1;
    const replay = await thief.request<ErrorBody>('POST', '/api/auth/refresh');
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_INVALID');

    // Written for good in PostgreSQL (not rolled back with the refusal) ...
    const [row] = await t.dataSource.query<Array<{ revoked_at: Date | null }>>(
      `SELECT revoked_at FROM auth_sessions WHERE id = $1`,
      [sessionId],
    );
    expect(row?.revoked_at).not.toBeNull();
    // ... so the newest token is dead too, even without an access token to check in Redis,
    const holder = new ApiClient(t.baseUrl);
    holder.cookie = c2;
    const after = await holder.request<ErrorBody>('POST', '/api/auth/refresh');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('REFRESH_INVALID');
    // the access tokens still out are refused, and the session's sockets are closed.
    api.token = third.body.accessToken;
    expect((await api.request('GET', '/api/me')).status).toBe(401);
    await closed;
  });

  it('recognises a token from two rotations back as a replay', async () => {
    const api = new ApiClient(t.baseUrl);
    await api.login('attendee007@plenum.test');
    const c0 = api.cookie!;
    await api.request('POST', '/api/auth/refresh');
    await api.request('POST', '/api/auth/refresh');
    const c2 = api.cookie!;
    const thief = new ApiClient(t.baseUrl);
    thief.cookie = c0;
    expect((await thief.request('POST', '/api/auth/refresh')).status).toBe(401);
    const holder = new ApiClient(t.baseUrl);
    holder.cookie = c2;
    expect((await holder.request('POST', '/api/auth/refresh')).status).toBe(401);
    const [row] = await t.dataSource.query<Array<{ revoked_at: Date | null }>>(
      `SELECT s.revoked_at FROM auth_sessions s JOIN users u ON u.id = s.user_id
       WHERE u.email = 'attendee007@plenum.test'`,
    );
    expect(row?.revoked_at).not.toBeNull();
  });

  it('logs out: the access token and the refresh cookie stop working at once', async () => {
    const api = new ApiClient(t.baseUrl);
    await api.login('attendee003@plenum.test');
    const cookie = api.cookie!;
    const out = await api.request('POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect((await api.request('GET', '/api/me')).status).toBe(401);
    const again = new ApiClient(t.baseUrl);
    again.cookie = cookie;
    expect((await again.request('POST', '/api/auth/refresh')).status).toBe(401);
  });

  it('throttles failed logins per account with 429 and a retry hint, and lets other accounts in', async () => {
    const api = new ApiClient(t.baseUrl);
    for (let i = 0; i < 3; i++) {
      const res = await api.request('POST', '/api/auth/login', {
        email: 'attendee004@plenum.test',
        password: 'x',
      });
      expect(res.status).toBe(401);
    }
    const locked = await api.request<ErrorBody>('POST', '/api/auth/login', {
      email: 'attendee004@plenum.test',
      password: 'plenum',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOGIN_THROTTLED');
    expect(locked.body.retryAfterMs).toBeGreaterThan(0);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    await expect(api.login('attendee005@plenum.test')).resolves.toBeUndefined();
  });

  it('throttles an address that tries many accounts', async () => {
    const other = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '4' } });
    try {
      const api = new ApiClient(other.baseUrl);
      for (let i = 0; i < 4; i++) {
        await api.request('POST', '/api/auth/login', {
          email: `guess${i}@plenum.test`,
          password: 'x',
        });
      }
      const res = await api.request<ErrorBody>('POST', '/api/auth/login', {
        email: 'guess9@plenum.test',
        password: 'x',
      });
      expect(res.status).toBe(429);
    } finally {
      await other.close();
    }
  });
});
