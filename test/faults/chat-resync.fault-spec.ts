import type Redis from 'ioredis';
import { ChatRepository } from '@plenum/live';
import { REDIS } from '@plenum/platform';
import { call, connectLive, next, ok, waitFor } from '../support/live-client';
import type { LiveSocket } from '../support/live-client';
import { TcpProxy } from '../support/tcp-proxy';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

/*
 * A message committed while Redis is away is not broadcast; once Redis is back, the api tells
 * its sockets in the room where the room is (`room:resync`), and they read what they missed.
 */
describe('room:resync after Redis was away', () => {
  let app: TestApp | undefined;
  let toRedis: TcpProxy | undefined;
  let socket: LiveSocket | undefined;

  beforeAll(async () => {
    toRedis = await TcpProxy.start({ host: '127.0.0.1', port: 6379 });
    app = await startTestApp({
      seedDemo: true,
      env: { REDIS_URL: `redis://127.0.0.1:${toRedis.port}` },
    });
  });

  afterAll(async () => {
    socket?.close();
    await app?.close();
    await toRedis?.close();
  });

  it('tells the sockets in a room its latest sequence number, and they catch up', async () => {
    const t = app!;
    const [event] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM events WHERE slug = 'digitale-staedte'`,
    );
    const [author] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM users WHERE email = 'attendee002@plenum.test'`,
    );
    const room = `event:${event!.id}`;
    const api = new ApiClient(t.baseUrl);
    await api.login('attendee@plenum.test');
    socket = await connectLive(t.baseUrl, api.token);
    const joined = await ok(socket, 'room:join', { room });

    toRedis!.cut();
    const redis = t.app.get<Redis>(REDIS);
    await waitFor(() => redis.status !== 'ready');
    // Committed while Redis is away, and never broadcast.
    const row = await t.app
      .get(ChatRepository)
      .insertMessage(room, event!.id, author!.id, 'Verpasst');
    const resync = next(socket, 'room:resync', (r) => r.room === room, 20_000);
    toRedis!.restore();

    expect(await resync).toEqual({ room, lastSeq: row!.seq });
    expect(row!.seq).toBeGreaterThan(joined.lastSeq);
    const missed = await call(socket, 'chat:history', { room, afterSeq: joined.lastSeq });
    expect(missed).toMatchObject({ ok: true, data: { messages: [{ body: 'Verpasst' }] } });
  });
});
