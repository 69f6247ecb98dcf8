import type { Mediathek, SessionOnDemand } from '@plenum/contracts';
import { seedDemoCongress } from '@plenum/demo';
import { FileStorage } from '@plenum/platform';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const slug = 'digitale-staedte';

describe('Demo congress: films, slides and impressions afterwards', () => {
  let app: TestApp;
  let attendee: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    // As on the first start: the demo stores its generated files in the api's storage.
    await seedDemoCongress(app.dataSource, new Date(), app.app.get(FileStorage));
    attendee = new ApiClient(app.baseUrl);
    await attendee.login('attendee@plenum.test');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('fills the Mediathek with ended sessions, their replays and slides, and photos with alt text', async () => {
    const res = await attendee.request<Mediathek>('GET', `/api/events/${slug}/mediathek`);
    expect(res.status).toBe(200);
    const keynote = res.body.sessions.find((s) => s.kind === 'keynote');
    expect(keynote?.replay?.playbackUrl).toMatch(/^https:\/\/media\.plenum\.example\//);
    expect(keynote?.slides).toHaveLength(1);
    expect(res.body.sessions.filter((s) => s.replay).length).toBeGreaterThanOrEqual(3);
    expect(res.body.impressions).toHaveLength(4);
    for (const photo of res.body.impressions) expect(photo.altText.length).toBeGreaterThan(20);

    const pdf = await fetch(`${app.baseUrl}${keynote!.slides[0]!.downloadUrl}`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const photo = await fetch(`${app.baseUrl}${res.body.impressions[0]!.imageUrl}`);
    expect(photo.headers.get('content-type')).toBe('image/png');

    const page = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${keynote!.id}/ondemand`,
    );
    expect(page.body.answeredQuestions.length).toBeGreaterThanOrEqual(3);
  });
});
