import { SignJWT } from 'jose';
import { AuthService } from '@plenum/identity';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, connectLive, disconnected, next, ok, refusal } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { demoPlaces, signIn, userId } from './live-helpers';
import type { DemoPlaces } from './live-helpers';

const ALLOWED = 'https://congress.example';

jest.setTimeout(30_000);

describe('live gateway: handshake, transports, protocol', () => {
  let t: TestApp;
  let places: DemoPlaces;
  let token: string;
  const open: LiveSocket[] = [];
  const connect = async (...args: Parameters<typeof connectLive>) => {
    const socket = await connectLive(...args);
    open.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true, env: { CORS_ORIGINS: ALLOWED } });
    places = await demoPlaces(t);
    token = (await signIn(t, 'attendee001@plenum.test')).token;
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  describe('handshake', () => {
    it('accepts an access token in auth and joins the lobby', async () => {
      const socket = await connect(t.baseUrl, token);
      const joined = await ok(socket, 'room:join', { room: places.lobby });
      expect(joined.room).toBe(places.lobby);
      expect(joined.canModerate).toBe(false);
    });

    it('refuses a missing, a forged and an expired token with a code', async () => {
      expect(await refusal(connectLive(t.baseUrl, undefined))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      expect(await refusal(connectLive(t.baseUrl, `${token}x`))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
      const expired = await new SignJWT({ sid: '00000000-0000-4000-8000-000000000000' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(await userId(t, 'attendee001@plenum.test'))
        .setIssuer('plenum')
        .setAudience('plenum-api')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 1000)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 100)
        .sign(new TextEncoder().encode(t.config.authSecret));
      expect(await refusal(connectLive(t.baseUrl, expired))).toMatchObject({
        code: 'TOKEN_EXPIRED',
      });
    });

    it('ignores a token in the query string', async () => {
      const refused = await refusal(connectLive(t.baseUrl, undefined, { query: { token } }));
      expect(refused.code).toBe('UNAUTHENTICATED');
    });

    it('checks the Origin on the WebSocket upgrade and on long-polling alike', async () => {
      for (const transports of [['websocket'], ['polling']]) {
        const foreign = await refusal(
          connectLive(t.baseUrl, token, {
            transports,
            extraHeaders: { origin: 'https://evil.example' },
          }),
        );
        expect(foreign.code).toBeUndefined();
        const allowed = await connect(t.baseUrl, token, {
          transports,
          extraHeaders: { origin: ALLOWED },
        });
        expect(allowed.io.engine.transport.name).toBe(transports[0]);
        expect((await ok(allowed, 'room:join', { room: places.lobby })).room).toBe(places.lobby);
      }
    });

    it('declines WebSocket compression, so a broadcast is framed once for the whole room', async () => {
      const { default: WebSocket } = await import('ws');
      const ws = new WebSocket(
        `${t.baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`,
        { perMessageDeflate: true },
      );
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      expect(ws.extensions).toBe('');
      ws.close();
    });

    it('closes the sockets of a session that logs out, and only those', async () => {
      const leaving = await signIn(t, 'attendee002@plenum.test');
      const staying = await connect(t.baseUrl, token);
      const socket = await connect(t.baseUrl, leaving.token);
      const closed = disconnected(socket, 3000);
      expect((await leaving.api.request('POST', '/api/auth/logout')).status).toBe(204);
      expect(await closed).toBe('io server disconnect');
      expect(staying.connected).toBe(true);
      expect(await refusal(connectLive(t.baseUrl, leaving.token))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });

    it('closes the sockets of an account that is disabled and refuses it afterwards', async () => {
      const person = await signIn(t, 'attendee003@plenum.test');
      const socket = await connect(t.baseUrl, person.token);
      const closed = disconnected(socket, 3000);
      const id = await userId(t, 'attendee003@plenum.test');
      await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [id]);
      await t.app.get(AuthService).revokeAllSessions(id);
      expect(await closed).toBe('io server disconnect');
      expect(await refusal(connectLive(t.baseUrl, person.token))).toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });
  });

  describe('protocol', () => {
    it('answers an unknown event with an error acknowledgement', async () => {
      const socket = await connect(t.baseUrl, token);
      const answer = await call(socket, 'chat:shout' as 'chat:send', { room: places.lobby });
      expect(answer).toEqual({
        ok: false,
        error: { code: 'UNKNOWN_EVENT', message: expect.stringContaining('chat:shout') },
      });
    });

    it('answers malformed payloads with the fields at fault, and keeps the socket', async () => {
      const socket = await connect(t.baseUrl, token);
      for (const payload of [
        undefined,
        'text',
        42,
        null,
        { room: 'lobby' },
        { room: places.lobby, body: 7 },
      ]) {
        const answer = await call(socket, 'chat:send', payload);
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(answer.error.code).toBe('VALIDATION_FAILED');
      }
      const answer = await call(socket, 'chat:send', { room: 'lobby', body: 'hi' });
      expect(!answer.ok && answer.error.fields?.map((f) => f.path)).toEqual(['room']);
      const twoPayloads = await new Promise((resolve) =>
        (socket.emit as (...args: unknown[]) => void)(
          'room:join',
          { room: places.lobby },
          'extra',
          resolve,
        ),
      );
      expect(twoPayloads).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(socket.connected).toBe(true);
    });

    it('reports a failed event sent without an acknowledgement on live:error', async () => {
      const socket = await connect(t.baseUrl, token);
      const reported = next(socket, 'live:error');
      (socket.emit as (...args: unknown[]) => void)('chat:send', { nonsense: true });
      expect(await reported).toMatchObject({
        event: 'chat:send',
        error: { code: 'VALIDATION_FAILED' },
      });
    });

    it('disconnects a socket that sends more than 16 KB, and the server carries on', async () => {
      const socket = await connect(t.baseUrl, token);
      const closed = disconnected(socket);
      socket.emit(
        'chat:send',
        { room: places.lobby, body: 'x'.repeat(17 * 1024) },
        () => undefined,
      );
      expect(await closed).toBe('transport close');
      const other = await connect(t.baseUrl, token);
      expect((await ok(other, 'room:join', { room: places.lobby })).room).toBe(places.lobby);
    });

    it('accepts a message just under 16 KB of payload', async () => {
      const socket = await connect(t.baseUrl, token);
      await ok(socket, 'room:join', { room: places.lobby });
      const answer = await call(socket, 'chat:send', {
        room: places.lobby,
        body: 'ü'.repeat(3000),
      });
      // Too long for a chat message, but the packet is legal: an error, not a disconnect.
      expect(answer).toMatchObject({ ok: false, error: { code: 'MESSAGE_TOO_LONG' } });
      expect(socket.connected).toBe(true);
    });
  });

  describe('rooms and permissions', () => {
    it('lets members join the lobby, stages and booths', async () => {
      const socket = await connect(t.baseUrl, token);
      for (const room of [places.lobby, places.stage, places.booth]) {
        expect((await ok(socket, 'room:join', { room })).room).toBe(room);
      }
    });

    it('tells people outside the event nothing about its rooms', async () => {
      const [attendee] = await t.dataSource.query<Array<{ password_hash: string }>>(
        `SELECT password_hash FROM users WHERE email = 'attendee@plenum.test'`,
      );
      await t.dataSource.query(
        `INSERT INTO users (email, display_name, password_hash) VALUES ('outsider@plenum.test', 'Outsider', $1)`,
        [attendee!.password_hash],
      );
      const outsider = await connect(t.baseUrl, (await signIn(t, 'outsider@plenum.test')).token);
      for (const room of [places.lobby, places.stage, places.booth, places.workshop]) {
        const answer = await call(outsider, 'room:join', { room });
        expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
      const send = await call(outsider, 'chat:send', { room: places.lobby, body: 'hello?' });
      expect(send).toMatchObject({ ok: false, error: { code: 'NOT_IN_ROOM' } });
    });

    it('answers rooms that do not exist with NOT_FOUND', async () => {
      const socket = await connect(t.baseUrl, token);
      for (const room of [
        'session:00000000-0000-4000-8000-000000000000',
        // A workshop is reached through its own room only.
        `session:${places.workshopId}`,
        places.stage.replace('session:', 'workshop:'),
      ]) {
        expect(await call(socket, 'room:join', { room })).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND' },
        });
      }
    });

    it("keeps a workshop's chat to organizers, moderators and its hosts", async () => {
      const attendee = await connect(t.baseUrl, token);
      expect(await call(attendee, 'room:join', { room: places.workshop })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      for (const email of ['organizer@plenum.test', 'moderator@plenum.test']) {
        const socket = await connect(t.baseUrl, (await signIn(t, email)).token);
        expect((await ok(socket, 'room:join', { room: places.workshop })).canModerate).toBe(true);
      }
      // attendee004 becomes the workshop's host through a speaker profile linked to the account.
      const hostId = await userId(t, 'attendee004@plenum.test');
      await t.dataSource.query(
        `UPDATE speakers SET user_id = $1 WHERE id = (
           SELECT speaker_id FROM session_speakers WHERE session_id = $2 AND part = 'host' LIMIT 1)`,
        [hostId, places.workshopId],
      );
      const host = await connect(t.baseUrl, (await signIn(t, 'attendee004@plenum.test')).token);
      const joined = await ok(host, 'room:join', { room: places.workshop });
      expect(joined.canModerate).toBe(false);
      await ok(host, 'chat:send', { room: places.workshop, body: 'Willkommen im Workshop' });
    });

    it('requires joining a room before writing to it', async () => {
      const socket = await connect(t.baseUrl, token);
      expect(await call(socket, 'chat:send', { room: places.stage, body: 'hi' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_IN_ROOM' },
      });
      await ok(socket, 'room:join', { room: places.stage });
      await ok(socket, 'room:leave', { room: places.stage });
      expect(await call(socket, 'chat:send', { room: places.stage, body: 'hi' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_IN_ROOM' },
      });
    });
  });
});
