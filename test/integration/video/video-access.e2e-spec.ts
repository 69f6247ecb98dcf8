import type { LiveSpeakerView, SessionAttendance, VideoRoom, VideoToken } from '@plenum/contracts';
import { hashPassword } from '@plenum/identity';
import { FakeLiveKit } from '../../support/fake-livekit';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress, everySessionUpcoming } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const event = `/api/events/${slug}`;

/**
 * Video routes declare their access (`@EventAccess`): the guard resolves the caller's roles,
 * which include the sessions their speaker profile is on, and the session a stage route names.
 * The token route leaves the room-level decision to `VideoAccessService.decide`.
 */
describe('video access: declared rules, speakers by their profile, stage controls per session', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  let moderator: ApiClient;
  let attendee: ApiClient;

  /** An account without any membership, its speaker profile linked by an organizer. */
  async function profileOnly(email: string, speakerName: string): Promise<[ApiClient, string]> {
    const [user] = await app.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [email, speakerName, await hashPassword('plenum')],
    );
    await app.dataSource.query(
      `UPDATE speakers SET user_id = $1 WHERE event_id = $2 AND name = $3`,
      [user!.id, demo.eventId, speakerName],
    );
    const client = new ApiClient(app.baseUrl);
    await client.login(email);
    return [client, user!.id];
  }

  const mint = (client: ApiClient, room: VideoRoom) =>
    client.request<VideoToken>('POST', `${event}/video/token`, { room });

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    app = await startTestApp({ seedDemo: true, env: livekit.env(await livekit.start()) });
    await everySessionUpcoming(app.dataSource);
    demo = await demoCongress(app.dataSource);
    moderator = new ApiClient(app.baseUrl);
    await moderator.login('moderator@plenum.test');
    attendee = new ApiClient(app.baseUrl);
    await attendee.login('attendee@plenum.test');
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  it('counts a speaker linked only by their profile as a member and a speaker of their session', async () => {
    const [keller, kellerId] = await profileOnly('keller@plenum.test', 'Miriam Keller');
    const talk = demo.sessions['talk-living-in-eu']!;

    const watching = await mint(keller, { kind: 'stage', sessionId: talk });
    expect(watching.status).toBe(200);
    expect(watching.body).toMatchObject({ part: 'audience', canPublish: false });
    expect((await keller.request('GET', `${event}/booths`)).status).toBe(200);

    const backstage = await mint(keller, { kind: 'backstage', stageId: demo.stages.main });
    expect(backstage.status).toBe(200);
    expect(backstage.body.part).toBe('speaker');
    expect((await mint(keller, { kind: 'backstage', stageId: demo.stages.region })).status).toBe(
      403,
    );

    const live = await moderator.request<LiveSpeakerView[]>(
      'POST',
      `${event}/sessions/${talk}/stage/live`,
      { userId: kellerId },
    );
    expect(live.status).toBe(200);
    expect(live.body).toEqual([
      expect.objectContaining({ userId: kellerId, displayName: 'Miriam Keller' }),
    ]);
    const publishing = await mint(keller, { kind: 'stage', sessionId: talk });
    expect(publishing.body).toMatchObject({ part: 'speaker', canPublish: true });
    // Her profile is on this talk only.
    const elsewhere = await moderator.request(
      'POST',
      `${event}/sessions/${demo.sessions.keynote}/stage/live`,
      { userId: kellerId },
    );
    expect(elsewhere.status).toBe(422);
  });

  it("makes a workshop's host by the profile's part, never a co-speaker", async () => {
    const workshop: VideoRoom = { kind: 'workshop', sessionId: demo.sessions['ws-mobilitaet']! };
    const [fischer] = await profileOnly('fischer@plenum.test', 'Dr. Markus Fischer');
    const host = await mint(fischer, workshop);
    expect(host.status).toBe(200);
    expect(host.body).toMatchObject({ part: 'host', roomAdmin: true });

    const [coSpeaker] = await profileOnly('wolf@plenum.test', 'Dr. Julia Wolf');
    await app.dataSource.query(
      `INSERT INTO session_speakers (session_id, speaker_id, part)
       SELECT $1, id, 'speaker' FROM speakers WHERE event_id = $2 AND name = 'Dr. Julia Wolf'`,
      [demo.sessions['ws-mobilitaet'], demo.eventId],
    );
    expect((await mint(coSpeaker, workshop)).status).toBe(403);
  });

  it('lets only moderators of a session control its stage and read its attendance', async () => {
    const [panel, other] = [demo.sessions['panel-gigabit']!, demo.sessions['panel-verwaltung']!];
    const [user] = await app.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $1, $2) RETURNING id`,
      ['panel-moderator@plenum.test', await hashPassword('plenum')],
    );
    await app.dataSource.query(
      `INSERT INTO memberships (user_id, event_id, role, session_id)
       VALUES ($1, $2, 'moderator', $3)`,
      [user!.id, demo.eventId, panel],
    );
    const scoped = new ApiClient(app.baseUrl);
    await scoped.login('panel-moderator@plenum.test');

    const own = await scoped.request<LiveSpeakerView[]>(
      'POST',
      `${event}/sessions/${panel}/stage/live`,
      { userId: user!.id },
    );
    expect(own.status).toBe(200);
    const foreign = await scoped.request('POST', `${event}/sessions/${other}/stage/live`, {
      userId: user!.id,
    });
    expect(foreign.status).toBe(403);
    expect(
      (await scoped.request('DELETE', `${event}/sessions/${other}/stage/live/${user!.id}`)).status,
    ).toBe(403);

    const figures = await scoped.request<SessionAttendance>(
      'GET',
      `${event}/sessions/${panel}/attendance`,
    );
    expect(figures.status).toBe(200);
    expect(figures.body).toMatchObject({ sessionId: panel, uniqueViewers: 0 });
    expect((await scoped.request('GET', `${event}/sessions/${other}/attendance`)).status).toBe(403);
    expect((await attendee.request('GET', `${event}/sessions/${panel}/attendance`)).status).toBe(
      403,
    );
    // Everyone in the event sees who is live; the session must be the event's.
    expect((await attendee.request('GET', `${event}/sessions/${panel}/stage/live`)).status).toBe(
      200,
    );
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await attendee.request('GET', `${event}/sessions/${unknown}/stage/live`)).status).toBe(
      404,
    );
    expect(
      (await moderator.request('GET', `${event}/sessions/not-a-session/attendance`)).status,
    ).toBe(404);
    const workshop = demo.sessions['ws-open-data']!;
    expect((await attendee.request('GET', `${event}/sessions/${workshop}/stage/live`)).status).toBe(
      422,
    );
  });
});
