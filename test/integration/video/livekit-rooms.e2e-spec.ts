import type { VideoRoom, VideoToken } from '@plenum/contracts';
import { LiveKitRoomsService } from '@plenum/video';
import { FakeLiveKit } from '../../support/fake-livekit';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const publishSources = ['CAMERA', 'MICROPHONE', 'SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'];

describe('LiveKit rooms: made ahead with limits; role changes reach people inside', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  let organizer: ApiClient;
  let moderator: ApiClient;

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    app = await startTestApp({ seedDemo: true, env: livekit.env(apiUrl) });
    demo = await demoCongress(app.dataSource);
    organizer = new ApiClient(app.baseUrl);
    await organizer.login('organizer@plenum.test');
    moderator = new ApiClient(app.baseUrl);
    await moderator.login('moderator@plenum.test');
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  beforeEach(() => livekit.clear());

  async function mint(client: ApiClient, room: VideoRoom): Promise<VideoToken> {
    const res = await client.request<VideoToken>('POST', `/api/events/${slug}/video/token`, {
      room,
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function as(email: string): Promise<ApiClient> {
    const client = new ApiClient(app.baseUrl);
    await client.login(email);
    return client;
  }

  it('creates rooms of sessions starting within half an hour, and their backstage, with limits', async () => {
    const soon = demo.sessions['talk-open-data']!;
    const later = demo.sessions['talk-quartier']!;
    const workshop = demo.sessions['ws-lorawan']!;
    await app.dataSource.query(
      `UPDATE sessions SET state = 'ended' WHERE event_id = $1 AND state = 'live'`,
      [demo.eventId],
    );
    await app.dataSource.query(
      `UPDATE sessions SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '60 minutes', state = 'scheduled' WHERE id = ANY($1)`,
      [[soon, workshop]],
    );
    await app.dataSource.query(
      `UPDATE sessions SET starts_at = now() + interval '2 hours', ends_at = now() + interval '3 hours', state = 'scheduled' WHERE id = $1`,
      [later],
    );
    await app.dataSource.query(
      `UPDATE sessions SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
       WHERE event_id = $1 AND NOT id = ANY($2)`,
      [demo.eventId, [soon, workshop, later]],
    );

    const created = await app.app.get(LiveKitRoomsService).prepareUpcoming();
    const stageRoom = `plenum:${demo.eventId}:stage:${soon}`;
    const backstage = `plenum:${demo.eventId}:backstage:${demo.stages.city}`;
    const workshopRoom = `plenum:${demo.eventId}:workshop:${workshop}`;
    expect(created.sort()).toEqual([backstage, stageRoom, workshopRoom].sort());

    const calls = livekit.callsOf('CreateRoom');
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call.grant.roomCreate).toBe(true);
    const byName = new Map(calls.map((c) => [c.body.name, c.body]));
    const stage = byName.get(stageRoom)!;
    // Open until a quarter of an hour after the start even if nobody comes early.
    expect(Number(stage.emptyTimeout)).toBeGreaterThanOrEqual(34 * 60);
    expect(Number(stage.emptyTimeout)).toBeLessThanOrEqual(36 * 60);
    expect(stage.departureTimeout).toBe(300);
    expect(stage.maxParticipants).toBeUndefined(); // 0: no limit beyond LiveKit's own
    expect(JSON.parse(String(stage.metadata))).toEqual({
      eventId: demo.eventId,
      kind: 'stage',
      sessionId: soon,
    });
    expect(byName.get(backstage)?.maxParticipants).toBe(50);
    // Twenty seats plus room for hosts and moderators.
    expect(byName.get(workshopRoom)?.maxParticipants).toBe(30);

    // Asked again within minutes, this instance does not repeat itself.
    livekit.clear();
    expect(await app.app.get(LiveKitRoomsService).prepareUpcoming()).toEqual([]);
    expect(livekit.callsOf('CreateRoom')).toHaveLength(0);
  });

  it('creates a room when the first token for it is minted, once', async () => {
    const room: VideoRoom = { kind: 'booth', boothId: demo.booths[0]! };
    const exhibitor = await as('exhibitor@plenum.test');
    const token = await mint(exhibitor, room);
    await mint(exhibitor, room);
    const calls = livekit.callsOf('CreateRoom');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toMatchObject({ name: token.room, maxParticipants: 50 });
  });

  it('still mints tokens while LiveKit cannot create the room (it creates rooms on join)', async () => {
    await livekit.stop();
    try {
      const attendee = await as('attendee002@plenum.test');
      const token = await mint(attendee, { kind: 'stage', sessionId: demo.sessions.keynote! });
      expect(token.token).toBeTruthy();
    } finally {
      await livekit.restart();
    }
  });

  it('takes a speaker live even while LiveKit cannot be reached', async () => {
    const sessionId = demo.sessions['talk-digitaler-zwilling']!;
    const speaker = await as('speaker@plenum.test');
    const { room } = await mint(speaker, { kind: 'stage', sessionId });
    livekit.connect(room, demo.users.speaker);
    await livekit.stop();
    try {
      const path = `/api/events/${slug}/sessions/${sessionId}/stage/live`;
      const res = await moderator.request<unknown[]>('POST', path, { userId: demo.users.speaker });
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
      expect((await moderator.request('DELETE', `${path}/${demo.users.speaker}`)).status).toBe(200);
    } finally {
      await livekit.restart();
    }
  });

  it('lets a watching speaker publish when taken live, and stops them when taken off', async () => {
    const sessionId = demo.sessions['panel-abschluss']!;
    const speaker = await as('speaker@plenum.test');
    const { room } = await mint(speaker, { kind: 'stage', sessionId });
    livekit.connect(room, demo.users.speaker);
    livekit.clear();

    const path = `/api/events/${slug}/sessions/${sessionId}/stage/live`;
    expect((await moderator.request('POST', path, { userId: demo.users.speaker })).status).toBe(
      200,
    );
    const [promote] = livekit.callsOf('UpdateParticipant');
    expect(promote?.grant).toMatchObject({ roomAdmin: true, room });
    expect(promote?.body).toMatchObject({
      room,
      identity: demo.users.speaker,
      permission: {
        canSubscribe: true,
        canPublish: true,
        canPublishData: true,
        canPublishSources: publishSources,
      },
    });

    livekit.clear();
    const off = await moderator.request('DELETE', `${path}/${demo.users.speaker}`);
    expect(off.status).toBe(200);
    const [demote] = livekit.callsOf('UpdateParticipant');
    expect(demote?.body).toMatchObject({ room, identity: demo.users.speaker });
    const permission = demote?.body.permission as Record<string, unknown>;
    expect(permission.canSubscribe).toBe(true);
    // protobuf JSON leaves out false and empty fields
    expect(permission.canPublish ?? false).toBe(false);
    expect(permission.canPublishData ?? false).toBe(false);
    expect(permission.canPublishSources ?? []).toEqual([]);
    expect(livekit.callsOf('RemoveParticipant')).toHaveLength(0);
  });

  it('removes a person who loses their role from the rooms it opened, keeping what remains', async () => {
    const exhibitor = await as('exhibitor@plenum.test');
    const booth = await mint(exhibitor, { kind: 'booth', boothId: demo.booths[0]! });
    const stage = await mint(exhibitor, { kind: 'stage', sessionId: demo.sessions.keynote! });
    livekit.connect(booth.room, demo.users.exhibitor);
    livekit.connect(stage.room, demo.users.exhibitor);
    livekit.clear();

    const [membership] = await app.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM memberships WHERE user_id = $1 AND role = 'exhibitor'`,
      [demo.users.exhibitor],
    );
    const res = await organizer.request('DELETE', `/api/events/${slug}/members/${membership!.id}`);
    expect(res.status).toBe(204);

    const removed = livekit.callsOf('RemoveParticipant');
    expect(removed.map((c) => c.body)).toEqual([
      expect.objectContaining({ room: booth.room, identity: demo.users.exhibitor }),
    ]);
    expect(removed[0]?.grant).toMatchObject({ roomAdmin: true, room: booth.room });
    // Still an attendee: stays on the stage, watching.
    const kept = livekit.callsOf('UpdateParticipant');
    expect(kept.map((c) => c.body.room)).toEqual([stage.room]);
    expect(livekit.connected.get(booth.room)?.has(demo.users.exhibitor)).toBe(false);

    const again = await exhibitor.request('POST', `/api/events/${slug}/video/token`, {
      room: { kind: 'booth', boothId: demo.booths[0] },
    });
    expect(again.status).toBe(403);
  });

  it('removes someone whose last role in the event is taken away from every live room', async () => {
    const attendee = await as('attendee003@plenum.test');
    const stage = await mint(attendee, { kind: 'stage', sessionId: demo.sessions.keynote! });
    livekit.connect(
      stage.room,
      String((await attendee.request<{ id: string }>('GET', '/api/me')).body.id),
    );
    livekit.clear();
    const [membership] = await app.dataSource.query<Array<{ id: string; user_id: string }>>(
      `SELECT m.id, m.user_id FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE u.email = 'attendee003@plenum.test'`,
    );
    expect(
      (await organizer.request('DELETE', `/api/events/${slug}/members/${membership!.id}`)).status,
    ).toBe(204);
    expect(livekit.callsOf('RemoveParticipant').map((c) => c.body)).toEqual([
      expect.objectContaining({ room: stage.room, identity: membership!.user_id }),
    ]);
    const after = await attendee.request('POST', `/api/events/${slug}/video/token`, {
      room: { kind: 'stage', sessionId: demo.sessions.keynote },
    });
    expect(after.status).toBe(404);
  });

  it('takes a role away quietly for someone who is not in any room', async () => {
    const [membership] = await app.dataSource.query<Array<{ id: string }>>(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'attendee004@plenum.test'`,
    );
    expect(
      (await organizer.request('DELETE', `/api/events/${slug}/members/${membership!.id}`)).status,
    ).toBe(204);
    expect(livekit.calls).toHaveLength(0);
    expect(
      (await moderator.request('DELETE', `/api/events/${slug}/members/${membership!.id}`)).status,
    ).toBe(403);
  });
});
