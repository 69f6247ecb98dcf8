import type { VideoRoom } from '@plenum/contracts';
import { hashPassword } from '@plenum/identity';
import { FakeLiveKit } from '../../support/fake-livekit';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress, everySessionUpcoming } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A speaker invited for one session, or a booth's staff member, has no event-wide role. Their
 * scoped role makes them members of the event: everything an attendee may do, plus their
 * scope's rights, and nothing of anyone else's scope.
 */
describe('access: a role scoped to a session or booth implies membership', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  let speaker: ApiClient;
  let staff: ApiClient;

  async function account(email: string, scope: { sessionId?: string; boothId?: string }) {
    const [user] = await app.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $1, $2) RETURNING id`,
      [email, await hashPassword('plenum')],
    );
    await app.dataSource.query(
      `INSERT INTO memberships (user_id, event_id, role, session_id, booth_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        user!.id,
        demo.eventId,
        scope.sessionId ? 'speaker' : 'exhibitor',
        scope.sessionId ?? null,
        scope.boothId ?? null,
      ],
    );
    const client = new ApiClient(app.baseUrl);
    await client.login(email);
    return client;
  }

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    app = await startTestApp({ seedDemo: true, env: livekit.env(await livekit.start()) });
    await everySessionUpcoming(app.dataSource);
    demo = await demoCongress(app.dataSource);
    speaker = await account('scoped-speaker@plenum.test', {
      sessionId: demo.sessions['panel-abschluss'],
    });
    staff = await account('scoped-staff@plenum.test', { boothId: demo.booths[0] });
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  it('lets both do what every attendee does', async () => {
    for (const client of [speaker, staff]) {
      for (const path of [
        'agenda',
        'workshops',
        'reminders/preferences',
        'notifications',
        'booths',
        'mediathek',
      ]) {
        const res = await client.request('GET', `/api/events/${slug}/${path}`);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
      }
      const token = await client.request('POST', `/api/events/${slug}/video/token`, {
        room: { kind: 'stage', sessionId: demo.sessions.keynote! } satisfies VideoRoom,
      });
      expect(token.status).toBe(200);
    }
  });

  it('lets the speaker share slides for their own session only, and go backstage on its stage', async () => {
    const upload = (sessionId: string) =>
      speaker.request(
        'PUT',
        `/api/events/${slug}/sessions/${sessionId}/slides?title=Folien&name=folien.pdf`,
        pdf,
        { 'content-type': 'application/pdf' },
      );
    expect((await upload(demo.sessions['panel-abschluss']!)).status).toBe(200);
    expect((await upload(demo.sessions.keynote!)).status).toBe(403);

    const backstage = await speaker.request<{ part: string }>(
      'POST',
      `/api/events/${slug}/video/token`,
      { room: { kind: 'backstage', stageId: demo.stages.main } satisfies VideoRoom },
    );
    expect(backstage.status).toBe(200);
    expect(backstage.body.part).toBe('speaker');
    const otherStage = await speaker.request('POST', `/api/events/${slug}/video/token`, {
      room: { kind: 'backstage', stageId: demo.stages.region } satisfies VideoRoom,
    });
    expect(otherStage.status).toBe(403);
  });

  it("lets the booth's staff manage their booth only", async () => {
    const [own, other] = demo.booths;
    const edit = (booth: string) =>
      staff.request('PATCH', `/api/events/${slug}/booths/${booth}`, { tagline: 'Neu' });
    expect((await edit(own!)).status).toBe(200);
    expect((await edit(other!)).status).toBe(403);
    expect((await staff.request('GET', `/api/events/${slug}/booths/${own}/leads`)).status).toBe(
      200,
    );
    expect((await staff.request('GET', `/api/events/${slug}/booths/${other}/leads`)).status).toBe(
      403,
    );
    const room = await staff.request<{ part: string }>('POST', `/api/events/${slug}/video/token`, {
      room: { kind: 'booth', boothId: own! } satisfies VideoRoom,
    });
    expect(room.status).toBe(200);
    expect(room.body.part).toBe('staff');
  });

  it('gives neither any right of another role', async () => {
    for (const client of [speaker, staff]) {
      expect((await client.request('GET', `/api/events/${slug}/members`)).status).toBe(403);
      expect((await client.request('GET', `/api/events/${slug}/reports`)).status).toBe(403);
    }
  });
});
