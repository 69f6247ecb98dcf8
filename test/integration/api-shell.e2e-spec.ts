import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { waitFor } from '../support/processes';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('api shell: OpenAPI, security headers, CORS, request ids, web app', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://buehne.example' } });
  });
  afterAll(() => t.close());

  it('publishes an OpenAPI document generated from the zod contracts', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs/json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
      components?: {
        schemas?: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/events',
        '/api/events/{slug}',
        '/api/health',
      ]),
    );
    const body = JSON.stringify(doc.paths['/api/auth/login']!.post!.requestBody);
    const schemaName = /#\/components\/schemas\/([A-Za-z]+)/.exec(body)?.[1];
    const schema = schemaName ? doc.components?.schemas?.[schemaName] : JSON.parse(body);
    expect(JSON.stringify(schema)).toContain('email');
    expect(JSON.stringify(schema)).toContain('password');
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
  });

  it('requires a token on every route but the ones marked public', async () => {
    // Public on purpose: the event's face, its programme, health and signing in.
    const publicRoutes = new Set([
      'GET /api/health',
      'POST /api/auth/login',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'POST /api/auth/invitations/accept',
      // The link's token is the credential: whoever holds it may see and decline the invitation.
      'POST /api/auth/invitations/lookup',
      'POST /api/auth/invitations/decline',
      // "Passwort vergessen" and sign-in by e-mail: asking answers alike for every address, and
      // the link's single-use token is the credential when it is used.
      'POST /api/auth/password-reset/request',
      'POST /api/auth/password-reset',
      'POST /api/auth/sign-in-link/request',
      'POST /api/auth/sign-in-link',
      'GET /api/events/{slug}',
      'GET /api/events/{slug}/logo',
      'GET /api/events/{slug}/now-next',
      'GET /api/events/{slug}/programme',
      'GET /api/events/{slug}/schedule.ics',
      'GET /api/events/{slug}/schedule.json',
      'GET /api/events/{slug}/schedule.xml',
      // Booth logos and banners are public like the event's logo, for plain <img> tags.
      'GET /api/events/{slug}/booths/{booth}/logo',
      'GET /api/events/{slug}/booths/{booth}/banner',
      // Personal calendar feeds: the secret in the address is the credential.
      'GET /api/agenda-feeds/{file}',
      // Authenticated by LiveKit's own signature instead of a bearer token.
      'POST /api/livekit/webhook',
      // The e-mail's unsubscribe link: the signed token is the credential.
      'POST /api/reminders/unsubscribe',
      // The Mediathek follows the event's media setting (public, or registered attendees only),
      // checked by the service; its files are fetched through signed, expiring links.
      'GET /api/events/{slug}/mediathek',
      'GET /api/events/{slug}/sessions/{sessionId}/ondemand',
      'GET /api/events/{slug}/sessions/{sessionId}/slides',
      'GET /api/events/{slug}/impressions',
      'GET /api/events/{slug}/media/recordings/{id}/file',
      'GET /api/events/{slug}/media/slides/{id}/file',
      'GET /api/events/{slug}/media/impressions/{id}/image',
    ]);
    const doc = (await (await fetch(`${t.baseUrl}/api/docs/json`)).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content?: object } }>>;
    };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (publicRoutes.has(route)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const withBody = method !== 'get' && method !== 'delete';
        // A body of a type the route takes (an upload's file type), as another type is 415.
        const [type = 'application/json'] = Object.keys(operation.requestBody?.content ?? {});
        const res = await fetch(`${t.baseUrl}${url}`, {
          method: method.toUpperCase(),
          headers: withBody ? { 'content-type': type } : {},
          body: withBody ? (type === 'application/json' ? '{}' : 'x') : undefined,
        });
        expect({ route, status: res.status }).toEqual({ route, status: 401 });
        checked.push(route);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['POST /api/events', 'GET /api/me']));
  });

  it('sends security headers and a strict Content-Security-Policy with the web app', async () => {
    const res = await fetch(`${t.baseUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeTruthy();
  });

  it('serves client-side routes with the app and unknown api paths as JSON 404', async () => {
    const page = await fetch(`${t.baseUrl}/e/digitale-staedte/programme`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${t.baseUrl}/api/does-not-exist`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ code: 'NOT_FOUND', message: 'Not found' });
  });

  it('allows browser origins from the allowlist only', async () => {
    const allowed = await fetch(`${t.baseUrl}/api/health`, {
      headers: { origin: 'https://buehne.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://buehne.example');
    const other = await fetch(`${t.baseUrl}/api/health`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers every request with its request id', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const generated = await fetch(`${t.baseUrl}/api/health`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 503 from /api/health while Redis does not answer, and 200 again when it is back', async () => {
    // The api reaches Redis through a proxy this test can cut, as a Redis outage would.
    const sockets = new Set<Socket>();
    const proxy = createServer((client) => {
      const upstream = connect(6379, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
    });
    let refusing = false;
    proxy.on('connection', (c) => {
      if (refusing) c.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    const app = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
      const connected = sockets.size;
      refusing = true;
      for (const s of sockets) s.destroy();
      const down = await fetch(`${app.baseUrl}/api/health`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as {
        status: string;
        checks: { redis: { ok: boolean }; postgres: { ok: boolean } };
      };
      expect(body.status).toBe('unavailable');
      expect(body.checks.redis.ok).toBe(false);
      expect(body.checks.postgres.ok).toBe(true);
      refusing = false;
      const back = await waitFor(
        async () => (await fetch(`${app.baseUrl}/api/health`)).status === 200,
        20_000,
      );
      expect(back).toBe(true);
      // Closing the app while some of its Redis clients are still reconnecting leaves their
      // rejected commands to surface in whichever test runs next; wait until all are back.
      expect(await waitFor(() => sockets.size >= connected, 20_000)).toBe(true);
    } finally {
      refusing = false;
      await app.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
