import { CHAT_HISTORY_PAGE, CHAT_MAX_LENGTH } from '@plenum/contracts';
import type { ChatMessageView } from '@plenum/contracts';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, collect, connectLive, next, ok, sleep, waitFor } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { PresenceService } from '@plenum/live';
import { demoPlaces, signIn, userId } from './live-helpers';
import type { DemoPlaces } from './live-helpers';

jest.setTimeout(30_000);

describe('live chat: write, broadcast, history, catch-up', () => {
  let t: TestApp;
  let places: DemoPlaces;
  const tokens = new Map<string, string>();
  const open: LiveSocket[] = [];

  /** A socket of attendee<n>, joined to the room. */
  const member = async (n: number, room: string): Promise<LiveSocket> => {
    const email = `attendee${String(n).padStart(3, '0')}@plenum.test`;
    let token = tokens.get(email);
    if (!token) {
      token = (await signIn(t, email)).token;
      tokens.set(email, token);
    }
    const socket = await connectLive(t.baseUrl, token);
    open.push(socket);
    await ok(socket, 'room:join', { room });
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

  it('commits a message before broadcasting it with its id, time and sequence number', async () => {
    const sender = await member(1, places.stage);
    const listener = await member(2, places.stage);
    const committed = new Promise<{ message: ChatMessageView; inDatabase: boolean }>((resolve) => {
      listener.once('chat:message', (message) => {
        // Looked up the moment the broadcast arrives: it must already be there for everyone.
        void t.dataSource
          .query(`SELECT 1 FROM chat_messages WHERE id = $1`, [message.id])
          .then((rows: unknown[]) => resolve({ message, inDatabase: rows.length === 1 }));
      });
    });
    const { message } = await ok(sender, 'chat:send', {
      room: places.stage,
      body: 'Guten Morgen aus Kassel!',
    });
    const received = await committed;
    expect(received.inDatabase).toBe(true);
    expect(received.message).toEqual(message);
    expect(message).toMatchObject({
      room: places.stage,
      seq: 1,
      body: 'Guten Morgen aus Kassel!',
      author: { displayName: 'Teilnehmer:in 001' },
      deleted: null,
    });
    expect(Date.parse(message.createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('numbers concurrent messages of one room without gaps or repeats', async () => {
    const senders = await Promise.all([3, 4, 5, 6].map((n) => member(n, places.otherStage)));
    const answers = await Promise.all(
      senders.flatMap((socket, i) =>
        [0, 1, 2, 3, 4].map((k) =>
          ok(socket, 'chat:send', { room: places.otherStage, body: `${i}-${k}` }),
        ),
      ),
    );
    const seqs = answers.map((a) => a.message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('keeps text as typed, never as markup, and drops control characters', async () => {
    const socket = await member(7, places.booth);
    const body = '<img src=x onerror="alert(1)"> <b>fett</b> https://example.org/a?b=1 @Moritz';
    expect((await ok(socket, 'chat:send', { room: places.booth, body })).message.body).toBe(body);
    const cleaned = await ok(socket, 'chat:send', {
      room: places.booth,
      body: '  a\u0000b\u202ec\r\n\n\n\nd  ',
    });
    expect(cleaned.message.body).toBe('abc\n\nd');
  });

  it('refuses a message over the length limit with a clear error, and an empty one', async () => {
    const socket = await member(8, places.booth);
    const tooLong = await call(socket, 'chat:send', {
      room: places.booth,
      body: 'a'.repeat(CHAT_MAX_LENGTH + 1),
    });
    expect(tooLong).toEqual({
      ok: false,
      error: {
        code: 'MESSAGE_TOO_LONG',
        message: `A message can have at most ${CHAT_MAX_LENGTH} characters; this one has ${CHAT_MAX_LENGTH + 1}`,
        fields: [{ path: 'body', message: `At most ${CHAT_MAX_LENGTH} characters` }],
      },
    });
    // Counted in characters, not UTF-16 units: 1,000 emoji fit.
    await ok(socket, 'chat:send', { room: places.booth, body: '👏'.repeat(CHAT_MAX_LENGTH) });
    expect(await call(socket, 'chat:send', { room: places.booth, body: ' \n ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('sends the latest 50 on join and older pages on request', async () => {
    const room = places.lobby;
    const writers = await Promise.all(
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map((n) => member(n, room)),
    );
    // 70 messages, 5 per person (the burst), in order.
    for (let i = 0; i < 70; i++) {
      await ok(writers[Math.floor(i / 5)]!, 'chat:send', { room, body: `Nachricht ${i + 1}` });
    }
    const reader = await connectLive(t.baseUrl, tokens.get('attendee001@plenum.test'));
    open.push(reader);
    const joined = await ok(reader, 'room:join', { room });
    expect(joined.messages).toHaveLength(CHAT_HISTORY_PAGE);
    expect(joined.messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 21));
    expect(joined.hasMore).toBe(true);
    expect(joined.lastSeq).toBe(70);
    const older = await ok(reader, 'chat:history', { room, beforeSeq: 21 });
    expect(older.messages.map((m) => m.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Nachricht ${i + 1}`),
    );
    expect(older.hasMore).toBe(false);
  });

  it('gives a reconnecting client exactly what it missed, in order, without duplicates', async () => {
    const room = places.stage;
    const writer = await member(30, room);
    const reader = await member(31, room);
    const seen = collect(reader, 'chat:message');
    await ok(writer, 'chat:send', { room, body: 'vor der Trennung' });
    await waitFor(() => seen.length === 1);
    const lastSeq = seen[0]!.seq;
    reader.close();

    const missed = [];
    for (const body of ['eins', 'zwei', 'drei']) {
      missed.push((await ok(writer, 'chat:send', { room, body })).message);
    }
    const back = await connectLive(t.baseUrl, tokens.get('attendee031@plenum.test'));
    open.push(back);
    const live = collect(back, 'chat:message');
    const rejoined = await ok(back, 'room:join', { room, afterSeq: lastSeq });
    expect(rejoined.messages).toEqual(missed);
    expect(rejoined.hasMore).toBe(false);
    const after = (await ok(writer, 'chat:send', { room, body: 'vier' })).message;
    await waitFor(() => live.length === 1);
    await sleep(200);
    expect(live).toEqual([after]);
    expect([...rejoined.messages, ...live].map((m) => m.seq)).toEqual(
      [1, 2, 3, 4].map((i) => lastSeq + i),
    );
  });

  it('refuses a sequence number past PostgreSQL integer before joining or counting anyone', async () => {
    const room = places.booth;
    const present = await member(60, room);
    const token = (await signIn(t, 'attendee061@plenum.test')).token;
    const prober = await connectLive(t.baseUrl, token);
    open.push(prober);
    const tooBig = 2 ** 31;
    const join = await call(prober, 'room:join', { room, afterSeq: tooBig });
    expect(join.ok).toBe(false);
    if (join.ok) return;
    expect(join.error.code).toBe('VALIDATION_FAILED');
    expect(join.error.fields?.map((f) => f.path)).toEqual(['afterSeq']);
    const send = await call(prober, 'chat:send', { room, body: 'bin ich drin?' });
    expect(send.ok || send.error.code).toBe('NOT_IN_ROOM');
    const proberId = await userId(t, 'attendee061@plenum.test');
    expect(await t.app.get(PresenceService).members(room)).not.toContain(proberId);
    const counted = await t.dataSource.query<unknown[]>(
      `SELECT 1 FROM presence_intervals WHERE user_id = $1`,
      [proberId],
    );
    expect(counted).toEqual([]);
    const history = await call(present, 'chat:history', { room, beforeSeq: tooBig });
    expect(history.ok || history.error.code).toBe('VALIDATION_FAILED');
    expect((await call(present, 'chat:history', { room, beforeSeq: 2 ** 31 - 1 })).ok).toBe(true);
  });

  it('pages a long catch-up', async () => {
    const room = places.lobby;
    const reader = await member(1, room);
    const page = await ok(reader, 'chat:history', { room, afterSeq: 0, limit: 30 });
    expect(page.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(page.hasMore).toBe(true);
    const rest = await ok(reader, 'chat:history', { room, afterSeq: 30 });
    expect(rest.messages[0]!.seq).toBe(31);
    expect(rest.hasMore).toBe(false);
  });

  it('broadcasts only to the room', async () => {
    const inStage = await member(40, places.stage);
    const inBooth = await member(41, places.booth);
    const boothSeen = collect(inBooth, 'chat:message');
    const arrived = next(inStage, 'chat:message', (m) => m.body === 'nur auf der Bühne');
    await ok(inStage, 'chat:send', { room: places.stage, body: 'nur auf der Bühne' });
    await arrived;
    await sleep(200);
    expect(boothSeen).toEqual([]);
  });
});
