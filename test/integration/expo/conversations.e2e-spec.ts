import type {
  BoothSummaryView,
  ConversationOffer,
  ConversationView,
  VideoToken,
} from '@plenum/contracts';
import { FakeLiveKit } from '../../support/fake-livekit';
import { connectLive, ok, waitFor } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { decodeVideoToken } from '../../support/video-fixture';

const EVENT = '/api/events/digitale-staedte';

interface Person {
  api: ApiClient;
  socket: LiveSocket;
  offers: ConversationOffer[];
  updates: ConversationView[];
}

describe('talk to us: a queue in PostgreSQL, offered to free staff, with booth-room tokens', () => {
  let t: TestApp;
  let livekit: FakeLiveKit;
  let booth: BoothSummaryView;
  let otherBooth: BoothSummaryView;
  const people: Person[] = [];

  const person = async (email: string, joinBooth = false): Promise<Person> => {
    const api = new ApiClient(t.baseUrl);
    await api.login(email);
    const socket = await connectLive(t.baseUrl, api.token);
    const p: Person = { api, socket, offers: [], updates: [] };
    socket.on('expo:conversation-offered', (o) => p.offers.push(o));
    socket.on('expo:conversation-updated', (u) => p.updates.push(u));
    if (joinBooth) await ok(socket, 'room:join', { room: `booth:${booth.id}` });
    people.push(p);
    return p;
  };
  const base = () => `${EVENT}/booths/${booth.id}/conversations`;
  const token = (p: Person) =>
    p.api.request<VideoToken>('POST', `${EVENT}/video/token`, {
      room: { kind: 'booth', boothId: booth.id },
    });

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    t = await startTestApp({ seedDemo: true, env: livekit.env(apiUrl) });
    const probe = new ApiClient(t.baseUrl);
    await probe.login('attendee@plenum.test');
    const list = await probe.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
    [booth, otherBooth] = list.body as [BoothSummaryView, BoothSummaryView];
  });
  afterAll(async () => {
    for (const p of people) p.socket.close();
    await t?.close();
    await livekit?.stop();
  });

  it('says so when nobody from the booth is online instead of queueing into an empty room', async () => {
    const visitor = await person('attendee005@plenum.test');
    const answer = await visitor.api.request<{ code: string }>(
      'POST',
      `${EVENT}/booths/${otherBooth.id}/conversations`,
    );
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('NO_STAFF_ONLINE');
  });

  it('serves three visitors with two staff in queue order, and lets a waiting visitor leave', async () => {
    const staff1 = await person('exhibitor@plenum.test', true);
    const staff2 = await person('exhibitor2@plenum.test', true);
    const v1 = await person('attendee001@plenum.test', true);
    const v2 = await person('attendee002@plenum.test', true);
    const v3 = await person('attendee003@plenum.test', true);

    const r1 = await v1.api.request<ConversationView>('POST', base());
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ state: 'waiting', position: 1 });
    // Both free staff are offered it.
    await waitFor(() => staff1.offers.length > 0 && staff2.offers.length > 0);
    expect(staff1.offers.at(-1)).toEqual({ boothId: booth.id, waiting: 1 });

    // Before acceptance the visitor has no way into the booth's video room.
    expect((await token(v1)).status).toBe(403);

    const r2 = await v2.api.request<ConversationView>('POST', base());
    expect(r2.body.position).toBe(2);
    const r3 = await v3.api.request<ConversationView>('POST', base());
    expect(r3.body.position).toBe(3);
    const again = await v3.api.request<ConversationView>('POST', base());
    expect(again.body.id).toBe(r3.body.id);

    const a1 = await staff1.api.request<ConversationView>('POST', `${base()}/accept`);
    expect(a1.status).toBe(200);
    expect(a1.body).toMatchObject({
      id: r1.body.id,
      state: 'active',
      visitorName: expect.any(String),
    });
    await waitFor(() => v1.updates.some((u) => u.id === r1.body.id && u.state === 'active'));
    // Staff see which of them holds each conversation (to find their own call); visitors never
    // learn a staff member's id.
    const me = await staff1.api.request<{ user: { id: string } }>('GET', '/api/me');
    expect(a1.body.staffId).toBe(me.body.user.id);
    expect(v1.updates.every((u) => u.staffId === null)).toBe(true);
    const desk = await staff2.api.request<ConversationView[]>('GET', base());
    expect(desk.body.find((c) => c.id === r1.body.id)?.staffId).toBe(me.body.user.id);
    // The others moved up, and were told so.
    await waitFor(() => v2.updates.some((u) => u.position === 1));
    await waitFor(() => v3.updates.some((u) => u.position === 2));

    const busy = await staff1.api.request<{ code: string }>('POST', `${base()}/accept`);
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('STAFF_BUSY');

    const a2 = await staff2.api.request<ConversationView>('POST', `${base()}/accept`);
    expect(a2.body.id).toBe(r2.body.id);

    // Both staff are busy: the third visitor waits, first in line, and nobody is offered it.
    const offersBefore = staff1.offers.length + staff2.offers.length;
    const waiting = await v3.api.request<{ conversation: ConversationView }>(
      'GET',
      `${base()}/mine`,
    );
    expect(waiting.body.conversation).toMatchObject({ state: 'waiting', position: 1 });

    // The accepted visitor gets a token for the booth room that lets them publish.
    const visitorToken = await token(v1);
    expect(visitorToken.status).toBe(200);
    const grants = await decodeVideoToken(visitorToken.body.token);
    expect(visitorToken.body).toMatchObject({
      part: 'visitor',
      canPublish: true,
      roomAdmin: false,
    });
    expect(grants.video?.room).toBe(visitorToken.body.room);
    expect(grants.video?.canPublish).toBe(true);
    expect(grants.video?.roomAdmin).toBeFalsy();
    const staffGrants = await decodeVideoToken((await token(staff1)).body.token);
    expect(staffGrants.video?.roomAdmin).toBe(true);
    // exhibitor2@ holds no role but the one scoped to this booth, and still gets into its room.
    const scopedStaff = await token(staff2);
    expect(scopedStaff.status).toBe(200);
    expect(scopedStaff.body).toMatchObject({ part: 'staff', roomAdmin: true });
    expect((await decodeVideoToken(scopedStaff.body.token)).video?.room).toBe(
      visitorToken.body.room,
    );
    expect((await token(v3)).status).toBe(403);

    const queue = await staff1.api.request<ConversationView[]>('GET', base());
    expect(queue.body.map((c) => c.state)).toEqual(['active', 'active', 'waiting']);
    const asVisitor = await v3.api.request('GET', base());
    expect(asVisitor.status).toBe(403);

    // v3 leaves the queue and comes back, at the end again.
    const left = await v3.api.request<ConversationView>('DELETE', `${base()}/mine`);
    expect(left.body.state).toBe('left');
    const back = await v3.api.request<ConversationView>('POST', base());
    expect(back.body).toMatchObject({ state: 'waiting', position: 1 });
    expect(staff1.offers.length + staff2.offers.length).toBe(offersBefore);

    // staff1 finishes: they are free again, are offered the queue, and take v3.
    const ended = await staff1.api.request<ConversationView>('POST', `${base()}/${r1.body.id}/end`);
    expect(ended.body.state).toBe('ended');
    await waitFor(() => v1.updates.some((u) => u.id === r1.body.id && u.state === 'ended'));
    await waitFor(() => staff1.offers.length + staff2.offers.length > offersBefore);
    expect(staff2.offers.length + staff1.offers.length - offersBefore).toBe(1);
    expect((await token(v1)).status).toBe(403);
    const a3 = await staff1.api.request<ConversationView>('POST', `${base()}/accept`);
    expect(a3.body.id).toBe(back.body.id);
    expect((await token(v3)).status).toBe(200);

    const nobody = await staff1.api.request('POST', `${base()}/accept`);
    expect(nobody.status).toBe(409);
  });
});
