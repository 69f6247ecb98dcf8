import type { VideoRoom, VideoToken } from '@plenum/contracts';
import { FakeLiveKit } from '../../support/fake-livekit';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { decodeVideoToken, demoCongress, everySessionUpcoming } from '../../support/video-fixture';
import type { DemoCongress, DemoRole } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const allSources = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

describe('video tokens: grants come from the role alone', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  const clients = {} as Record<DemoRole, ApiClient>;

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    app = await startTestApp({ seedDemo: true, env: livekit.env(apiUrl) });
    await everySessionUpcoming(app.dataSource);
    demo = await demoCongress(app.dataSource);
    for (const role of ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'] as const) {
      clients[role] = new ApiClient(app.baseUrl);
      await clients[role].login(`${role}@plenum.test`);
    }
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  const mint = (role: DemoRole, room: VideoRoom) =>
    clients[role].request<VideoToken & { code?: string }>(
      'POST',
      `/api/events/${slug}/video/token`,
      {
        room,
      },
    );

  async function granted(role: DemoRole, room: VideoRoom) {
    const res = await mint(role, room);
    expect(res.status).toBe(200);
    const claims = await decodeVideoToken(res.body.token);
    expect(claims.sub).toBe(demo.users[role]);
    expect(claims.video?.room).toBe(res.body.room);
    expect(claims.video?.roomJoin).toBe(true);
    expect(claims.video?.canSubscribe).toBe(true);
    expect(claims.video?.canUpdateOwnMetadata).toBe(false);
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBeLessThanOrEqual(600);
    expect(new Date(res.body.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 600_000);
    expect(res.body.url).toBe('wss://video.plenum.test');
    return { body: res.body, claims, video: claims.video ?? {} };
  }

  async function refused(role: DemoRole, room: VideoRoom, status = 403) {
    const res = await mint(role, room);
    expect(res.status).toBe(status);
    expect(res.body.token).toBeUndefined();
    return res.body;
  }

  const stageOf = (key: string): VideoRoom => ({ kind: 'stage', sessionId: demo.sessions[key]! });

  it('lets an attendee watch a stage and nothing more, under their user id and name', async () => {
    const { body, claims, video } = await granted('attendee', stageOf('panel-abschluss'));
    expect(body.room).toBe(`plenum:${demo.eventId}:stage:${demo.sessions['panel-abschluss']}`);
    expect(claims.name).toBe('Alex Teilnehmerin');
    expect(JSON.parse(claims.metadata ?? '{}')).toEqual({ part: 'audience' });
    expect(video).toMatchObject({ canPublish: false, canPublishData: false, roomAdmin: false });
    expect(video.canPublishSources).toBeUndefined();
    expect(body).toMatchObject({ part: 'audience', canPublish: false, roomAdmin: false });
  });

  it('lets exhibitors watch stages like every member', async () => {
    const { video } = await granted('exhibitor', stageOf('keynote'));
    expect(video).toMatchObject({ canPublish: false, roomAdmin: false });
  });

  it('lets a speaker publish camera, microphone and screen only while a moderator has them live', async () => {
    const room = stageOf('panel-abschluss');
    const before = await granted('speaker', room);
    expect(before.video.canPublish).toBe(false);

    const live = await clients.moderator.request<Array<{ userId: string; displayName: string }>>(
      'POST',
      `/api/events/${slug}/sessions/${demo.sessions['panel-abschluss']}/stage/live`,
      { userId: demo.users.speaker },
    );
    expect(live.status).toBe(200);
    expect(live.body).toEqual([
      expect.objectContaining({ userId: demo.users.speaker, displayName: 'Dr. Anna Weber' }),
    ]);

    const during = await granted('speaker', room);
    expect(during.video).toMatchObject({
      canPublish: true,
      canPublishData: true,
      roomAdmin: false,
    });
    expect(during.video.canPublishSources).toEqual(allSources);
    expect(during.body).toMatchObject({ part: 'speaker', canPublish: true });
    // Live on one session is not live on another stage.
    expect((await granted('speaker', stageOf('talk-digitaler-zwilling'))).video.canPublish).toBe(
      false,
    );

    const off = await clients.moderator.request(
      'DELETE',
      `/api/events/${slug}/sessions/${demo.sessions['panel-abschluss']}/stage/live/${demo.users.speaker}`,
    );
    expect(off.status).toBe(200);
    expect(off.body).toEqual([]);
    expect((await granted('speaker', room)).video.canPublish).toBe(false);
  });

  it('takes live only speakers and moderators of the session, and only moderators may', async () => {
    const path = `/api/events/${slug}/sessions/${demo.sessions['panel-gigabit']}/stage/live`;
    const notHers = await clients.moderator.request<{ code: string }>('POST', path, {
      userId: demo.users.speaker,
    });
    expect(notHers.status).toBe(422);
    const attendee = await clients.moderator.request('POST', path, { userId: demo.users.attendee });
    expect(attendee.status).toBe(422);
    const bySpeaker = await clients.speaker.request(
      'POST',
      `/api/events/${slug}/sessions/${demo.sessions['panel-abschluss']}/stage/live`,
      { userId: demo.users.speaker },
    );
    expect(bySpeaker.status).toBe(403);
    const listed = await clients.attendee.request<unknown[]>('GET', path);
    expect(listed.status).toBe(200);
  });

  it('makes moderators and organizers room admins on stages, publishing only when live', async () => {
    for (const role of ['moderator', 'organizer'] as const) {
      const { video, body } = await granted(role, stageOf('panel-gigabit'));
      expect(video).toMatchObject({ roomAdmin: true, canPublish: false });
      expect(body.part).toBe('moderator');
    }
    const path = `/api/events/${slug}/sessions/${demo.sessions['panel-gigabit']}/stage/live`;
    await clients.organizer.request('POST', path, { userId: demo.users.moderator });
    const { video } = await granted('moderator', stageOf('panel-gigabit'));
    expect(video).toMatchObject({ roomAdmin: true, canPublish: true });
    expect(video.canPublishSources).toEqual(allSources);
  });

  it('lets the speakers of a stage and the moderators backstage, nobody else', async () => {
    const main: VideoRoom = { kind: 'backstage', stageId: demo.stages.main };
    const speaker = await granted('speaker', main);
    expect(speaker.body.room).toBe(`plenum:${demo.eventId}:backstage:${demo.stages.main}`);
    expect(speaker.video).toMatchObject({
      canPublish: true,
      canPublishData: true,
      roomAdmin: false,
    });
    expect(speaker.video.canPublishSources).toEqual(allSources);
    for (const role of ['moderator', 'organizer'] as const) {
      expect((await granted(role, main)).video).toMatchObject({
        canPublish: true,
        roomAdmin: true,
      });
    }
    await refused('attendee', main);
    await refused('exhibitor', main);
    // Dr. Weber speaks on the main and the city stage, not on the region stage.
    expect(
      (await granted('speaker', { kind: 'backstage', stageId: demo.stages.city })).video.canPublish,
    ).toBe(true);
    await refused('speaker', { kind: 'backstage', stageId: demo.stages.region });
  });

  it('opens workshop rooms to moderators and hosts; attendees wait for registrations', async () => {
    const room: VideoRoom = { kind: 'workshop', sessionId: demo.sessions['ws-open-data']! };
    for (const role of ['moderator', 'organizer'] as const) {
      const { video } = await granted(role, room);
      expect(video).toMatchObject({ canPublish: true, roomAdmin: true });
    }
    await refused('attendee', room);
    await refused('speaker', room);
    await app.dataSource.query(
      `INSERT INTO session_speakers (session_id, speaker_id, part)
       SELECT $1, id, 'host' FROM speakers WHERE user_id = $2`,
      [demo.sessions['ws-open-data'], demo.users.speaker],
    );
    const host = await granted('speaker', room);
    expect(host.body.part).toBe('host');
    expect(host.video).toMatchObject({ canPublish: true, roomAdmin: true });
    expect(host.video.canPublishSources).toEqual(allSources);
    // A workshop has no stage room, and a stage session no workshop room.
    await refused('organizer', stageOf('ws-open-data'), 422);
    await refused('organizer', { kind: 'workshop', sessionId: demo.sessions.keynote! }, 422);
  });

  it('opens a booth room to its staff only; visitors come in once staff can let them', async () => {
    const [first, second] = demo.booths;
    const room: VideoRoom = { kind: 'booth', boothId: first! };
    const staff = await granted('exhibitor', room);
    expect(staff.body.part).toBe('staff');
    expect(staff.video).toMatchObject({ canPublish: true, roomAdmin: true });
    expect((await granted('organizer', room)).video.roomAdmin).toBe(true);
    await refused('attendee', room);
    await refused('speaker', room);
    await refused('exhibitor', { kind: 'booth', boothId: second! });
  });

  it('tells people outside the event nothing, and checks what it is given', async () => {
    await app.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash)
       SELECT 'outsider@plenum.test', 'Olaf Außenstehend', password_hash FROM users WHERE email = 'attendee@plenum.test'`,
    );
    const outsider = new ApiClient(app.baseUrl);
    await outsider.login('outsider@plenum.test');
    const res = await outsider.request<{ token?: string }>(
      'POST',
      `/api/events/${slug}/video/token`,
      {
        room: stageOf('keynote'),
      },
    );
    expect(res.status).toBe(404);
    expect(res.body.token).toBeUndefined();

    const anonymous = new ApiClient(app.baseUrl);
    expect(
      (
        await anonymous.request('POST', `/api/events/${slug}/video/token`, {
          room: stageOf('keynote'),
        })
      ).status,
    ).toBe(401);
    await refused(
      'attendee',
      { kind: 'stage', sessionId: '00000000-0000-4000-8000-000000000000' },
      404,
    );
    await refused('attendee', { kind: 'booth', boothId: demo.stages.main }, 404);
    const malformed = await clients.attendee.request<{ code: string }>(
      'POST',
      `/api/events/${slug}/video/token`,
      { room: { kind: 'lobby', sessionId: demo.sessions.keynote }, canPublish: true },
    );
    expect(malformed.status).toBe(422);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('ignores rights asked for in the request', async () => {
    const res = await clients.attendee.request<VideoToken>(
      'POST',
      `/api/events/${slug}/video/token`,
      {
        room: stageOf('keynote'),
        canPublish: true,
        roomAdmin: true,
      },
    );
    expect(res.status).toBe(200);
    const claims = await decodeVideoToken(res.body.token);
    expect(claims.video).toMatchObject({ canPublish: false, roomAdmin: false });
  });
});

describe('video without LiveKit configured', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers VIDEO_NOT_CONFIGURED for tokens and webhooks; the rest works', async () => {
    const demo = await demoCongress(app.dataSource);
    const attendee = new ApiClient(app.baseUrl);
    await attendee.login('attendee@plenum.test');
    const res = await attendee.request<{ code: string; token?: string }>(
      'POST',
      `/api/events/${slug}/video/token`,
      { room: { kind: 'stage', sessionId: demo.sessions.keynote } },
    );
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('VIDEO_NOT_CONFIGURED');
    expect(res.body.token).toBeUndefined();
    const webhook = await attendee.request<{ code: string }>('POST', '/api/livekit/webhook', '{}', {
      'content-type': 'application/webhook+json',
      authorization: 'x',
    });
    expect(webhook.status).toBe(503);

    const moderator = new ApiClient(app.baseUrl);
    await moderator.login('moderator@plenum.test');
    const live = await moderator.request(
      'POST',
      `/api/events/${slug}/sessions/${demo.sessions['panel-abschluss']}/stage/live`,
      { userId: demo.users.speaker },
    );
    expect(live.status).toBe(200);
    expect((await attendee.request('GET', `/api/events/${slug}/now-next`)).status).toBe(200);
  });
});
