import type { RoomAccessChanged } from '@plenum/contracts';
import { invitationToken } from '@plenum/identity';
import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, connectLive, next, ok, sleep } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { demoPlaces, signIn, userId } from './live-helpers';
import type { DemoPlaces } from './live-helpers';

jest.setTimeout(30_000);

describe('live moderation: delete, mute, slow mode, audit log', () => {
  let t: TestApp;
  let places: DemoPlaces;
  const open: LiveSocket[] = [];
  const join = async (email: string, ...roomsToJoin: string[]): Promise<LiveSocket> => {
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

  it('lets a moderator delete a message: a tombstone stays and the audit log says who, when, why', async () => {
    const author = await join('attendee010@plenum.test', places.stage);
    const moderator = await join('moderator@plenum.test', places.stage);
    const { message } = await ok(author, 'chat:send', { room: places.stage, body: 'Werbung!!!' });

    const attempt = await call(author, 'chat:delete', {
      room: places.stage,
      messageId: message.id,
      reason: 'mag ich nicht',
    });
    expect(attempt).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const tombstone = next(author, 'chat:deleted');
    const deleted = await ok(moderator, 'chat:delete', {
      room: places.stage,
      messageId: message.id,
      reason: 'Werbung',
    });
    expect(await tombstone).toEqual(deleted);
    expect(deleted).toMatchObject({
      id: message.id,
      seq: message.seq,
      deleted: { reason: 'Werbung' },
    });

    const history = await ok(author, 'chat:history', { room: places.stage });
    expect(history.messages.find((m) => m.id === message.id)).toMatchObject({
      body: '',
      deleted: { reason: 'Werbung' },
    });
    const [audit] = await t.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT actor_id, action, target_id, details, created_at FROM audit_logs WHERE action = 'chat.message.deleted'`,
    );
    expect(audit).toMatchObject({
      actor_id: await userId(t, 'moderator@plenum.test'),
      target_id: message.id,
      details: expect.objectContaining({ reason: 'Werbung', body: 'Werbung!!!' }),
    });
    const again = await call(moderator, 'chat:delete', {
      room: places.stage,
      messageId: message.id,
      reason: 'doppelt',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('mutes a person in one room for a time, tells them, and lifts it', async () => {
    const person = await join('attendee011@plenum.test', places.stage, places.lobby);
    const moderator = await join('moderator@plenum.test', places.stage);
    const personId = await userId(t, 'attendee011@plenum.test');

    const told = next(person, 'chat:muted');
    const muted = await ok(moderator, 'chat:mute', {
      room: places.stage,
      userId: personId,
      minutes: 10,
      reason: 'Beleidigung',
    });
    expect(await told).toEqual({
      eventId: places.eventId,
      room: places.stage,
      until: muted.until,
      reason: 'Beleidigung',
    });
    const refused = await call(person, 'chat:send', { room: places.stage, body: 'hallo?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHAT_MUTED' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('Beleidigung');
      expect(refused.error.retryAfterMs).toBeGreaterThan(9 * 60_000);
    }
    // Other rooms are not affected by a room mute.
    await ok(person, 'chat:send', { room: places.lobby, body: 'in der Lobby geht es' });
    // A rejoin (reload) learns about the mute too.
    const rejoined = await ok(person, 'room:join', { room: places.stage });
    expect(rejoined.mute).toMatchObject({ room: places.stage, reason: 'Beleidigung' });

    const lifted = next(person, 'chat:unmuted');
    await ok(moderator, 'chat:unmute', { room: places.stage, userId: personId });
    expect(await lifted).toEqual({ eventId: places.eventId, room: places.stage });
    await ok(person, 'chat:send', { room: places.stage, body: 'wieder da' });
  });

  it('mutes a person in the whole event, which only event-wide moderators may', async () => {
    const person = await join('attendee012@plenum.test', places.booth, places.lobby);
    const organizer = await join('organizer@plenum.test', places.booth);
    const personId = await userId(t, 'attendee012@plenum.test');
    await ok(organizer, 'chat:mute', {
      room: places.booth,
      userId: personId,
      minutes: 5,
      scope: 'event',
    });
    for (const room of [places.booth, places.lobby]) {
      expect(await call(person, 'chat:send', { room, body: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'CHAT_MUTED' },
      });
    }
    // A moderator scoped to one session moderates that session only.
    const scopedId = await userId(t, 'attendee013@plenum.test');
    const sessionId = places.stage.slice('session:'.length);
    await t.dataSource.query(
      `INSERT INTO memberships (event_id, user_id, role, session_id, scope) VALUES ($1, $2, 'moderator', $3, $4)`,
      [places.eventId, scopedId, sessionId, places.stage],
    );
    const scoped = await join('attendee013@plenum.test', places.stage, places.lobby);
    const other = await userId(t, 'attendee014@plenum.test');
    expect(
      await call(scoped, 'chat:mute', {
        room: places.stage,
        userId: other,
        minutes: 1,
        scope: 'event',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call(scoped, 'chat:mute', { room: places.lobby, userId: other, minutes: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await ok(scoped, 'chat:mute', { room: places.stage, userId: other, minutes: 1 });
    // Moderators cannot be muted.
    expect(
      await call(organizer, 'chat:mute', {
        room: places.booth,
        userId: await userId(t, 'moderator@plenum.test'),
        minutes: 1,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives an open socket moderation once its owner accepts a moderator role', async () => {
    const email = 'attendee016@plenum.test';
    const person = await signIn(t, email);
    const socket = await connectLive(t.baseUrl, person.token);
    open.push(socket);
    expect((await ok(socket, 'room:join', { room: places.stage })).canModerate).toBe(false);
    const organizer = await signIn(t, 'organizer@plenum.test');
    const invite = await organizer.api.request<{ invitationId: string }>(
      'POST',
      '/api/events/digitale-staedte/invitations',
      { email, displayName: 'Moderation', role: 'moderator' },
    );
    expect(invite.status).toBe(201);

    const changed = next(socket, 'room:access-changed', (c) => c.room === places.stage, 10_000);
    const token = invitationToken(t.config.authSecret, invite.body.invitationId);
    const accepted = await person.api.request('POST', '/api/me/invitations/accept', { token });
    expect(accepted.status).toBe(200);
    expect(await changed).toEqual<RoomAccessChanged>({
      room: places.stage,
      joined: true,
      canModerate: true,
      canReact: true,
      reason: 'membership-added',
    });
    await ok(socket, 'chat:slow-mode', { room: places.stage, seconds: 0 });
  });

  it('sets slow mode for a room; moderators are exempt', async () => {
    const room = places.otherStage;
    const person = await join('attendee015@plenum.test', room);
    const moderator = await join('moderator@plenum.test', room);
    const announced = next(person, 'chat:settings');
    await ok(moderator, 'chat:slow-mode', { room, seconds: 30 });
    expect(await announced).toEqual({ room, slowModeSeconds: 30 });
    await ok(person, 'chat:send', { room, body: 'eins' });
    const second = await call(person, 'chat:send', { room, body: 'zwei' });
    expect(second).toMatchObject({ ok: false, error: { code: 'SLOW_MODE' } });
    if (!second.ok) expect(second.error.retryAfterMs).toBeGreaterThan(25_000);
    await ok(moderator, 'chat:send', { room, body: 'Moderation eins' });
    await ok(moderator, 'chat:send', { room, body: 'Moderation zwei' });
    const joined = await ok(person, 'room:join', { room });
    expect(joined.slowModeSeconds).toBe(30);
    await ok(moderator, 'chat:slow-mode', { room, seconds: 0 });
    await sleep(50);
    await ok(person, 'chat:send', { room, body: 'drei' });
  });

  it('exports the audit log as CSV for organizers only', async () => {
    const organizer = await signIn(t, 'organizer@plenum.test');
    const csv = await organizer.api.request<string>(
      'GET',
      '/api/events/digitale-staedte/audit-log.csv',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('time,action,actor_id,actor,target_type,target_id,details');
    const actions = lines.slice(1).map((line) => line.split(',')[1]);
    for (const action of [
      'chat.message.deleted',
      'chat.user.muted',
      'chat.user.unmuted',
      'chat.slow-mode.changed',
    ]) {
      expect(actions).toContain(action);
    }
    expect(csv.body).toContain('Moritz Moderator <moderator@plenum.test>');
    for (const email of ['moderator@plenum.test', 'attendee@plenum.test']) {
      const other = await signIn(t, email);
      const refused = await other.api.request('GET', '/api/events/digitale-staedte/audit-log.csv');
      expect(refused.status).toBe(403);
    }
  });
});
