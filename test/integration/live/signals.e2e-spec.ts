import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, collect, connectLive, ok, sleep, waitFor } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { demoPlaces, signIn } from './live-helpers';
import type { DemoPlaces } from './live-helpers';

jest.setTimeout(30_000);

describe('live signals: rate limits, presence, reactions', () => {
  let t: TestApp;
  let places: DemoPlaces;
  const open: LiveSocket[] = [];
  const join = async (n: number, ...roomsToJoin: string[]): Promise<LiveSocket> => {
    const email = `attendee${String(n).padStart(3, '0')}@plenum.test`;
    const socket = await connectLive(t.baseUrl, (await signIn(t, email)).token);
    open.push(socket);
    for (const room of roomsToJoin) await ok(socket, 'room:join', { room });
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    places = await demoPlaces(t);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  it('limits chat to a burst of 5 then 1 per second; the flooder stays connected, others are unaffected', async () => {
    const room = places.lobby;
    const flooder = await join(50, room);
    const bystander = await join(51, room);
    const answers = [];
    for (let i = 0; i < 8; i++)
      answers.push(await call(flooder, 'chat:send', { room, body: `spam ${i}` }));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    const limited = answers.slice(5);
    for (const answer of limited) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      if (!answer.ok) {
        expect(answer.error.retryAfterMs).toBeGreaterThan(0);
        expect(answer.error.retryAfterMs).toBeLessThanOrEqual(1000);
      }
    }
    expect(flooder.connected).toBe(true);
    await ok(bystander, 'chat:send', { room, body: 'ich darf' });
    const wait = (limited[0] as { error: { retryAfterMs: number } }).error.retryAfterMs;
    await sleep(wait + 50);
    await ok(flooder, 'chat:send', { room, body: 'nach der Pause' });
  });

  it('limits each kind of event on its own bucket', async () => {
    const room = places.stage;
    const person = await join(52, room);
    for (let i = 0; i < 5; i++) await ok(person, 'chat:send', { room, body: `m${i}` });
    expect(await call(person, 'chat:send', { room, body: 'm6' })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    // Reactions and history have buckets of their own.
    await ok(person, 'reaction:send', { room, kind: 'heart' });
    await ok(person, 'chat:history', { room });
  });

  it('counts viewers per room, broadcasting only changes and at most once a second', async () => {
    const room = places.otherStage;
    const watcher = await join(60, room);
    const counts = collect(watcher, 'presence:count');
    const started = Date.now();
    const others = [];
    for (const n of [61, 62, 63, 64]) others.push(await join(n, room));
    // The same person in a second tab is still one viewer.
    others.push(await join(64, room));
    await waitFor(() => counts.at(-1)?.count === 5, 4000);
    const elapsed = Date.now() - started;
    expect(counts.length).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
    expect(counts.every((c) => c.room === room && c.counter === 'viewers')).toBe(true);
    // Nothing changes, nothing is sent.
    const before = counts.length;
    await sleep(2200);
    expect(counts.length).toBe(before);
    for (const socket of others.slice(0, 2)) socket.close();
    await waitFor(() => counts.at(-1)?.count === 3, 4000);
    const joined = await ok(others[2]!, 'room:join', { room });
    expect(joined.viewers).toBe(3);
  });

  it('aggregates stage reactions into at most two bursts a second per room', async () => {
    const room = places.stage;
    const audience = await Promise.all([70, 71, 72].map((n) => join(n, room)));
    const bursts = collect(audience[0]!, 'reaction:burst');
    const started = Date.now();
    const kinds = ['applause', 'heart', 'thumbs-up', 'laughter', 'surprise'] as const;
    await Promise.all(
      audience.flatMap((socket) =>
        Array.from({ length: 10 }, (_, i) =>
          ok(socket, 'reaction:send', { room, kind: kinds[i % 5] }),
        ),
      ),
    );
    const total = () =>
      bursts.reduce((sum, b) => sum + Object.values(b.counts).reduce((a, n) => a + (n ?? 0), 0), 0);
    await waitFor(() => total() === 30, 4000);
    const elapsed = Date.now() - started;
    expect(bursts.length).toBeLessThanOrEqual(Math.ceil(elapsed / 500) + 1);
    expect(bursts.length).toBeLessThan(30);
    const applause = bursts.reduce((sum, b) => sum + (b.counts.applause ?? 0), 0);
    expect(applause).toBe(6);
    expect(await call(audience[0]!, 'reaction:send', { room, kind: 'boo' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('keeps reactions to stages', async () => {
    const socket = await join(73, places.lobby);
    expect(
      await call(socket, 'reaction:send', { room: places.lobby, kind: 'heart' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
