import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LoginResponse } from '@plenum/contracts';
import { ApiError, api, login, logout, onSessionChange, refreshSession } from './client';

const user = {
  id: '3f0c8a53-9a55-4c43-9a3c-2f1f4e0f6a11',
  email: 'attendee@plenum.test',
  displayName: 'Alex Attendee',
  locale: 'de' as const,
  isPlatformAdmin: false,
};

function session(accessToken: string): LoginResponse {
  return { accessToken, expiresInSeconds: 900, user };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

interface Call {
  path: string;
  method: string;
  authorization: string | null;
  contentType: string | null;
  body: unknown;
}

/*
 * fetch is the boundary this module owns, so the tests play the server at that boundary: a tiny
 * router that records each call and answers from a handler.
 */
function serve(handler: (call: Call) => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const headers = new Headers(init?.headers);
    const call = {
      path: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      contentType: headers.get('content-type'),
      body: init?.body,
    };
    calls.push(call);
    return handler(call);
  });
  return calls;
}

async function signIn(token: string): Promise<void> {
  serve(() => json(200, session(token)));
  await login({ email: user.email, password: 'plenum' });
  jest.restoreAllMocks();
}

describe('api client', () => {
  let sessions: (LoginResponse | null)[];
  let stopListening: () => void;

  beforeEach(() => {
    sessions = [];
    stopListening = onSessionChange((next) => sessions.push(next));
  });

  afterEach(async () => {
    serve(() => new Response(null, { status: 204 }));
    await logout();
    stopListening();
    jest.restoreAllMocks();
  });

  it('sends the access token from the login with later requests', async () => {
    await signIn('token-1');
    const calls = serve(() => json(200, []));

    await api.get('/api/me/events');

    expect(calls[0]?.authorization).toBe('Bearer token-1');
    expect(sessions[0]?.user.email).toBe(user.email);
  });

  it('refreshes once on TOKEN_EXPIRED and retries with the new token', async () => {
    await signIn('expired');
    const calls = serve(({ path, authorization }) => {
      if (path === '/api/auth/refresh') {
        return json(200, session('fresh'));
      }
      return authorization === 'Bearer fresh'
        ? json(200, ['ok'])
        : json(401, { code: 'TOKEN_EXPIRED', message: 'Token expired' });
    });

    await expect(api.get('/api/me/events')).resolves.toEqual(['ok']);
    expect(calls.map((call) => call.path)).toEqual([
      '/api/me/events',
      '/api/auth/refresh',
      '/api/me/events',
    ]);
  });

  it('shares one refresh between requests that expire together', async () => {
    await signIn('expired');
    const calls = serve(({ path, authorization }) => {
      if (path === '/api/auth/refresh') {
        return json(200, session('fresh'));
      }
      return authorization === 'Bearer fresh'
        ? json(200, path)
        : json(401, { code: 'TOKEN_EXPIRED', message: 'Token expired' });
    });

    await Promise.all([api.get('/api/me'), api.get('/api/me/events')]);

    expect(calls.filter((call) => call.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh cookie is no longer valid', async () => {
    await signIn('expired');
    serve(({ path }) =>
      path === '/api/auth/refresh'
        ? json(401, { code: 'REFRESH_INVALID', message: 'No session' })
        : json(401, { code: 'TOKEN_EXPIRED', message: 'Token expired' }),
    );

    await expect(api.get('/api/me/events')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(sessions.at(-1)).toBeNull();
  });

  it('turns a validation error into field messages a form can place', async () => {
    serve(() =>
      json(422, {
        code: 'VALIDATION_FAILED',
        message: 'Invalid request',
        details: { fields: [{ path: 'email', message: 'Enter a valid e-mail address' }] },
      }),
    );

    const error = await login({ email: 'nope', password: 'x' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiError).fieldMessage('email')).toBe('Enter a valid e-mail address');
  });

  it('reports wrong credentials without trying a refresh', async () => {
    await signIn('token-1');
    const calls = serve(() =>
      json(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password' }),
    );

    await expect(login({ email: user.email, password: 'wrong' })).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.authorization).toBeNull();
  });

  it('keeps the retry delay of a throttled login', async () => {
    serve(() =>
      json(429, { code: 'LOGIN_THROTTLED', message: 'Too many attempts', retryAfterMs: 30_000 }),
    );

    await expect(login({ email: user.email, password: 'x' })).rejects.toMatchObject({
      code: 'LOGIN_THROTTLED',
      retryAfterMs: 30_000,
    });
  });

  it('names an unreachable server as a network failure', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));

    await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'NETWORK_FAILED', status: 0 });
  });

  it('flags an HTML answer to an api call instead of parsing it', async () => {
    serve(
      () =>
        new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );

    await expect(api.get('/api/missing')).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
  });

  it('sends no JSON content type on a bodiless POST', async () => {
    const calls = serve(() => json(401, { code: 'REFRESH_INVALID', message: 'No session' }));

    await expect(refreshSession()).resolves.toBeNull();
    expect(calls[0]?.contentType).toBeNull();
  });

  it('uploads raw bytes with their own media type and the access token', async () => {
    await signIn('token-1');
    const calls = serve(() => json(200, { ok: true }));
    const image = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });

    await api.putRaw('/api/events/demo/logo', { data: image, contentType: 'image/png' });

    expect(calls[0]).toMatchObject({
      method: 'PUT',
      contentType: 'image/png',
      authorization: 'Bearer token-1',
    });
    expect(calls[0]?.body).toBe(image);
  });
});
