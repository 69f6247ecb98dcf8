import { queueNames } from '@plenum/contracts';
import { call, connectLive, ok, waitFor } from '../support/live-client';
import type { LiveSocket } from '../support/live-client';
import { randomPort } from '../support/processes';
import { scrape, series, total } from '../support/prometheus';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { demoPlaces, signIn } from './live/live-helpers';

const TOKEN = 'metrics-test-token-4f1d2c9a';
const PROGRAMME = '/api/events/:slug/programme';

jest.setTimeout(60_000);

describe('metrics on the api’s port, behind a token', () => {
  let t: TestApp;
  let socket: LiveSocket | undefined;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true, env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    socket?.close();
    await t.close();
  });

  it('refuses a scrape without the token or with a wrong one', async () => {
    const bare = await fetch(`${t.baseUrl}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await bare.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await scrape(`${t.baseUrl}/metrics`, `${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`${t.baseUrl}/metrics`, TOKEN.slice(0, -1))).status).toBe(401);
  });

  it('counts HTTP requests by route pattern, the programme fast path included', async () => {
    const visitor = new ApiClient(t.baseUrl);
    // The first request renders the programme through the controller; the others are answered
    // from the cache by the fast path before Nest.
    for (let i = 0; i < 3; i++) {
      expect((await visitor.request('GET', '/api/events/digitale-staedte/programme')).status).toBe(
        200,
      );
    }
    expect((await visitor.request('GET', '/api/events/nowhere')).status).toBe(404);

    const { status, contentType, samples } = await scrape(`${t.baseUrl}/metrics`, TOKEN);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const count = 'plenum_http_request_duration_seconds_count';
    expect(total(samples, count, { method: 'GET', route: PROGRAMME, status: '200' })).toBe(3);
    expect(
      total(samples, count, { method: 'GET', route: '/api/events/:slug', status: '404' }),
    ).toBe(1);
    // Every observation falls in the +Inf bucket; the sum of times is positive.
    expect(
      total(samples, 'plenum_http_request_duration_seconds_bucket', {
        route: PROGRAMME,
        status: '200',
        le: '+Inf',
      }),
    ).toBe(3);
    expect(
      total(samples, 'plenum_http_request_duration_seconds_sum', { route: PROGRAMME }),
    ).toBeGreaterThan(0);
    // Route labels are patterns, never URLs.
    const routes = new Set(series(samples, count).map((s) => s.labels.route));
    expect([...routes].some((r) => r?.includes('digitale-staedte') || r?.includes('nowhere'))).toBe(
      false,
    );
  });

  it('counts sockets by namespace and room kind, and messages by event and answer code', async () => {
    const places = await demoPlaces(t);
    const { token } = await signIn(t, 'attendee001@plenum.test');
    socket = await connectLive(t.baseUrl, token);
    await ok(socket, 'room:join', { room: places.lobby });
    await ok(socket, 'room:join', { room: places.stage });
    const bad = await call(socket, 'room:join', { room: 'nonsense' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await call(socket, 'chat:shout' as 'chat:send', { room: places.lobby });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });

    const { samples } = await scrape(`${t.baseUrl}/metrics`, TOKEN);
    const live = { namespace: '/live' };
    expect(total(samples, 'plenum_live_sockets', live)).toBe(1);
    expect(total(samples, 'plenum_live_connections_total', live)).toBe(1);
    for (const kind of ['event', 'session', 'user', 'auth']) {
      expect(total(samples, 'plenum_live_room_sockets', { ...live, kind })).toBe(1);
      expect(total(samples, 'plenum_live_rooms', { ...live, kind })).toBe(1);
    }
    // A socket's own room (named by its id) is no room.
    expect(series(samples, 'plenum_live_rooms', { kind: 'other' })).toEqual([]);
    const messages = 'plenum_live_messages_total';
    expect(total(samples, messages, { event: 'room:join', code: 'OK' })).toBe(2);
    expect(total(samples, messages, { event: 'room:join', code: 'VALIDATION_FAILED' })).toBe(1);
    expect(total(samples, messages, { event: 'unknown', code: 'UNKNOWN_EVENT' })).toBe(1);
    expect(
      total(samples, 'plenum_live_message_duration_seconds_count', { event: 'room:join' }),
    ).toBe(3);

    socket.close();
    socket = undefined;
    await waitFor(async () => {
      const after = (await scrape(`${t.baseUrl}/metrics`, TOKEN)).samples;
      return (
        total(after, 'plenum_live_sockets', live) === 0 &&
        total(after, 'plenum_live_disconnections_total', {
          ...live,
          reason: 'client namespace disconnect',
        }) === 1 &&
        series(after, 'plenum_live_room_sockets', { kind: 'event' }).length === 0
      );
    });
  });

  it('reports queue depths, the database pool, Redis, the event loop and the heap', async () => {
    const organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    // No worker runs here: the invitation's e-mail job waits in the mail queue.
    const invite = await organizer.request('POST', '/api/events/digitale-staedte/invitations', {
      email: 'metrics-invitee@example.org',
      displayName: 'Frau Metrik',
      role: 'speaker',
    });
    expect(invite.status).toBe(201);

    const { samples } = await scrape(`${t.baseUrl}/metrics`, TOKEN);
    expect(total(samples, 'plenum_queue_jobs', { queue: 'mail', state: 'waiting' })).toBe(1);
    for (const queue of Object.values(queueNames)) {
      expect(
        total(samples, 'plenum_queue_jobs', { queue, state: 'delayed' }),
      ).toBeGreaterThanOrEqual(0);
    }
    expect(total(samples, 'plenum_pg_pool_max_connections')).toBe(20);
    expect(total(samples, 'plenum_pg_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'plenum_pg_pool_waiting')).toBe(0);
    expect(total(samples, 'plenum_redis_up')).toBe(1);
    expect(total(samples, 'plenum_redis_ping_seconds')).toBeGreaterThan(0);
    expect(total(samples, 'plenum_redis_ping_seconds')).toBeLessThan(2);
    expect(total(samples, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(total(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1e6);
    expect(total(samples, 'process_resident_memory_bytes')).toBeGreaterThan(1e6);
  });
});

describe('metrics on an internal port', () => {
  let t: TestApp;
  const port = randomPort();

  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_PORT: port, METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('serves /metrics there only, still behind the token', async () => {
    const internal = `http://127.0.0.1:${port}`;
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(404);
    expect((await scrape(`${t.baseUrl}/metrics`, TOKEN)).status).toBe(404);
    expect((await scrape(`${internal}/metrics`)).status).toBe(401);
    expect((await fetch(`${internal}/elsewhere`)).status).toBe(404);

    expect((await fetch(`${t.baseUrl}/api/health`)).status).toBe(200);
    const { status, samples } = await scrape(`${internal}/metrics`, TOKEN);
    expect(status).toBe(200);
    expect(
      total(samples, 'plenum_http_request_duration_seconds_count', {
        route: '/api/health',
        status: '200',
      }),
    ).toBe(1);
  });
});

describe('metrics off (the default)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no /metrics endpoint', async () => {
    const res = await fetch(`${t.baseUrl}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/^text\/plain/);
  });
});
