import type { BoothStatsView, BoothSummaryView } from '@plenum/contracts';
import { connectLive, ok } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const EVENT = '/api/events/digitale-staedte';

describe('expo visits: counts for the booth staff and for organizers, never names', () => {
  let t: TestApp;
  let staff: ApiClient;
  let organizer: ApiClient;
  let booths: BoothSummaryView[];

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    staff = new ApiClient(t.baseUrl);
    organizer = new ApiClient(t.baseUrl);
    await staff.login('exhibitor@plenum.test');
    await organizer.login('organizer@plenum.test');
    booths = (await organizer.request<BoothSummaryView[]>('GET', `${EVENT}/booths`)).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts views, unique visitors, time spent, chat and conversations per booth', async () => {
    const booth = booths[0]!;
    const a = new ApiClient(t.baseUrl);
    const b = new ApiClient(t.baseUrl);
    await a.login('attendee001@plenum.test');
    await b.login('attendee002@plenum.test');
    const first = await a.request<{ id: string }>('POST', `${EVENT}/booths/${booth.id}/visits`);
    expect(first.status).toBe(201);
    await a.request('POST', `${EVENT}/booths/${booth.id}/visits`);
    const third = await b.request<{ id: string }>('POST', `${EVENT}/booths/${booth.id}/visits`);
    // Staff looking at their own booth are not visitors.
    const own = await staff.request<{ id: string | null }>(
      'POST',
      `${EVENT}/booths/${booth.id}/visits`,
    );
    expect(own.body.id).toBeNull();

    // The first visit has been open for 90 seconds when its page reports back.
    await t.dataSource.query(
      `UPDATE booth_visits SET started_at = now() - interval '90 seconds',
         last_seen_at = now() - interval '60 seconds' WHERE id = $1`,
      [first.body.id],
    );
    const beat = await a.request(
      'POST',
      `${EVENT}/booths/${booth.id}/visits/${first.body.id}/heartbeat`,
    );
    expect(beat.status).toBe(204);
    // Someone else's visit id does not move.
    await a.request('POST', `${EVENT}/booths/${booth.id}/visits/${third.body.id}/heartbeat`);

    const socket = await connectLive(t.baseUrl, b.token);
    await ok(socket, 'room:join', { room: `booth:${booth.id}` });
    await ok(socket, 'chat:send', { room: `booth:${booth.id}`, body: 'Hallo' });
    socket.close();

    const stats = await staff.request<BoothStatsView>('GET', `${EVENT}/booths/${booth.id}/stats`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      boothId: booth.id,
      views: 3,
      uniqueVisitors: 2,
      chatMessages: 1,
      conversations: 0,
    });
    expect(stats.body.secondsSpent).toBeGreaterThanOrEqual(89);
    expect(stats.body.secondsSpent).toBeLessThan(120);
    expect(stats.body.hourly).toHaveLength(24);
    expect(stats.body.hourly.at(-1)?.views).toBe(3);
    expect(JSON.stringify(stats.body)).not.toContain('attendee');

    const foreign = await staff.request('GET', `${EVENT}/booths/${booths[1]!.id}/stats`);
    expect(foreign.status).toBe(403);
    const overview = await staff.request('GET', `${EVENT}/expo/stats`);
    expect(overview.status).toBe(403);

    const all = await organizer.request<BoothStatsView[]>('GET', `${EVENT}/expo/stats`);
    expect(all.body).toHaveLength(21);
    expect(all.body.find((s) => s.boothId === booth.id)?.views).toBe(3);
    expect(all.body.find((s) => s.boothId === booths[1]!.id)?.views).toBe(0);
  });
});
