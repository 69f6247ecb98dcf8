import type { BoothSummaryView, BoothView } from '@plenum/contracts';
import { connectLive, ok, waitFor } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const EVENT = '/api/events/digitale-staedte';

describe('expo staff presence: "staff online now" counts the booth\'s own staff in its room', () => {
  let t: TestApp;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const join = async (email: string, room: string): Promise<LiveSocket> => {
    const client = new ApiClient(t.baseUrl);
    await client.login(email);
    const socket = await connectLive(t.baseUrl, client.token);
    sockets.push(socket);
    await ok(socket, 'room:join', { room });
    return socket;
  };

  it('counts staff who join the booth room, not visitors, and drops them when they leave', async () => {
    const attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
    const list = await attendee.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
    const booth = list.body[0]!;
    expect(booth.staffOnline).toBe(0);

    await join('attendee001@plenum.test', `booth:${booth.id}`);
    const staff = await join('exhibitor@plenum.test', `booth:${booth.id}`);
    await join('exhibitor2@plenum.test', `booth:${booth.id}`);
    const view = await attendee.request<BoothView>('GET', `${EVENT}/booths/${booth.id}`);
    expect(view.body.staffOnline).toBe(2);

    staff.close();
    await waitFor(async () => {
      const again = await attendee.request<BoothView>('GET', `${EVENT}/booths/${booth.id}`);
      return again.body.staffOnline === 1;
    });
    const others = await attendee.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
    expect(others.body.slice(1).every((b) => b.staffOnline === 0)).toBe(true);
  });
});
