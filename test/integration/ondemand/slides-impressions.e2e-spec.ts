import type {
  EventView,
  ImpressionView,
  Mediathek,
  SessionOnDemand,
  SlideView,
} from '@plenum/contracts';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

interface FieldErrors {
  code: string;
  details?: { fields?: Array<{ path: string; message: string }> };
}

describe('Slides, impressions and the Mediathek', () => {
  let app: TestApp;
  let demo: DemoCongress;
  let organizer: ApiClient;
  let speaker: ApiClient;
  let attendee: ApiClient;
  let anonymous: ApiClient;
  /** speaker@ speaks in the closing panel, not in the keynote. */
  let own: string;
  let other: string;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: true });
    demo = await demoCongress(app.dataSource);
    own = demo.sessions['panel-abschluss']!;
    other = demo.sessions['keynote']!;
    // Both are over; the demo's own media are removed so this suite sees only its own.
    await app.dataSource.query(
      `UPDATE sessions SET state = 'ended', starts_at = now() - interval '3 hours',
         ends_at = now() - interval '2 hours' WHERE id = ANY($1)`,
      [[own, other]],
    );
    await app.dataSource.query(`DELETE FROM session_slides`);
    await app.dataSource.query(`DELETE FROM event_impressions`);
    organizer = new ApiClient(app.baseUrl);
    speaker = new ApiClient(app.baseUrl);
    attendee = new ApiClient(app.baseUrl);
    anonymous = new ApiClient(app.baseUrl);
    await Promise.all([
      organizer.login('organizer@plenum.test'),
      speaker.login('speaker@plenum.test'),
      attendee.login('attendee@plenum.test'),
    ]);
  });

  afterAll(async () => {
    await app?.close();
  });

  const slides = (sessionId: string) => `/api/events/${slug}/sessions/${sessionId}/slides`;
  const upload = (client: ApiClient, sessionId: string, body: Buffer, type = 'application/pdf') =>
    client.request<SlideView[] & FieldErrors>(
      'PUT',
      `${slides(sessionId)}?title=${encodeURIComponent('Folien')}&name=${encodeURIComponent('Schlussrunde Folien.pdf')}`,
      body,
      { 'content-type': type },
    );

  it('lets a speaker share slides for their own session only', async () => {
    const mine = await upload(speaker, own, pdf);
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ title: 'Folien', fileName: 'Schlussrunde Folien.pdf' });

    const theirs = await upload(speaker, other, pdf);
    expect(theirs.status).toBe(403);
    expect((await upload(attendee, own, pdf)).status).toBe(403);
    // Organizers share slides for any session.
    expect((await upload(organizer, other, pdf)).status).toBe(200);
  });

  it('checks slides by signature and size', async () => {
    const renamed = await upload(speaker, own, png);
    expect(renamed.status).toBe(422);
    expect(renamed.body.details?.fields?.[0]?.path).toBe('body');
    expect((await upload(speaker, own, png, 'image/png')).status).toBe(415);
    const tooLarge = Buffer.concat([pdf, Buffer.alloc(31 * 1024 * 1024)]);
    expect([413]).toContain((await upload(speaker, own, tooLarge)).status);
    const noTitle = await speaker.request<FieldErrors>('PUT', `${slides(own)}?name=a.pdf`, pdf, {
      'content-type': 'application/pdf',
    });
    expect(noTitle.status).toBe(422);
    expect(noTitle.body.details?.fields?.map((f) => f.path)).toContain('title');
  });

  it('lets an attendee download the slides from the session page, as a download', async () => {
    const page = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${own}/ondemand`,
    );
    expect(page.status).toBe(200);
    expect(page.body.mayUploadSlides).toBe(false);
    const [slide] = page.body.slides;
    expect(slide).toBeDefined();
    // A plain link: no bearer token, the signed URL is the proof.
    const res = await fetch(`${app.baseUrl}${slide!.downloadUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
    const speakerView = await speaker.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${own}/ondemand`,
    );
    expect(speakerView.body.mayUploadSlides).toBe(true);
  });

  it('shows the questions that were answered, without the names of anonymous askers', async () => {
    await app.dataSource.query(
      `INSERT INTO questions (event_id, session_id, author_id, body, anonymous, state, vote_count, answered_at)
       VALUES ($1, $2, $3, 'Wie geht es mit dem Breitbandausbau weiter?', false, 'answered', 7, now()),
              ($1, $2, $3, 'Wer bezahlt das?', true, 'answered', 3, now()),
              ($1, $2, $3, 'Noch offen?', false, 'approved', 9, null)`,
      [demo.eventId, own, demo.users.attendee],
    );
    const page = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${own}/ondemand`,
    );
    const answered = page.body.answeredQuestions.filter((q) =>
      ['Wie geht es mit dem Breitbandausbau weiter?', 'Wer bezahlt das?'].includes(q.body),
    );
    expect(answered.map((q) => [q.body, q.author])).toEqual([
      ['Wie geht es mit dem Breitbandausbau weiter?', 'Alex Teilnehmerin'],
      ['Wer bezahlt das?', null],
    ]);
    expect(page.body.answeredQuestions.some((q) => q.body === 'Noch offen?')).toBe(false);
  });

  it('lets the speaker delete their slides, and nobody else but organizers', async () => {
    const list = await attendee.request<SlideView[]>('GET', slides(own));
    const id = list.body[0]!.id;
    expect((await attendee.request('DELETE', `${slides(own)}/${id}`)).status).toBe(403);
    expect((await speaker.request('DELETE', `${slides(other)}/${id}`)).status).toBe(403);
    const removed = await speaker.request<SlideView[]>('DELETE', `${slides(own)}/${id}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toHaveLength(0);
    await upload(speaker, own, pdf);
  });

  it('requires alt text for every photo in the gallery (422 without)', async () => {
    const base = `/api/events/${slug}/impressions`;
    const noAlt = await organizer.request<FieldErrors>('PUT', `${base}?caption=Foyer`, png, {
      'content-type': 'image/png',
    });
    expect(noAlt.status).toBe(422);
    expect(noAlt.body.details?.fields?.[0]?.path).toBe('alt');
    const blankAlt = await organizer.request<FieldErrors>('PUT', `${base}?alt=%20%20`, png, {
      'content-type': 'image/png',
    });
    expect(blankAlt.status).toBe(422);
    const notPng = await organizer.request<FieldErrors>('PUT', `${base}?alt=Foyer`, pdf, {
      'content-type': 'image/png',
    });
    expect(notPng.status).toBe(422);
    expect(notPng.body.details?.fields?.[0]?.path).toBe('body');
    expect(
      (await attendee.request('PUT', `${base}?alt=Foyer`, png, { 'content-type': 'image/png' }))
        .status,
    ).toBe(403);

    const first = await organizer.request<ImpressionView[]>(
      'PUT',
      `${base}?alt=${encodeURIComponent('Volles Foyer vor der Eröffnung')}&caption=Foyer`,
      png,
      { 'content-type': 'image/png' },
    );
    expect(first.status).toBe(200);
    const second = await organizer.request<ImpressionView[]>(
      'PUT',
      `${base}?alt=${encodeURIComponent('Podium mit fünf Personen')}`,
      png,
      { 'content-type': 'image/png' },
    );
    expect(second.body.map((p) => p.altText)).toEqual([
      'Volles Foyer vor der Eröffnung',
      'Podium mit fünf Personen',
    ]);
    // Reordered: the panel first.
    const moved = await organizer.request<ImpressionView[]>(
      'PATCH',
      `${base}/${second.body[1]!.id}`,
      { position: 0 },
    );
    await organizer.request('PATCH', `${base}/${second.body[0]!.id}`, { position: 1 });
    expect(moved.status).toBe(200);
    const ordered = await attendee.request<ImpressionView[]>('GET', base);
    expect(ordered.body.map((p) => p.altText)).toEqual([
      'Podium mit fünf Personen',
      'Volles Foyer vor der Eröffnung',
    ]);
    const clearAlt = await organizer.request<FieldErrors>(
      'PATCH',
      `${base}/${second.body[0]!.id}`,
      { altText: '' },
    );
    expect(clearAlt.status).toBe(422);
    const image = await fetch(`${app.baseUrl}${ordered.body[0]!.imageUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const removed = await organizer.request<ImpressionView[]>(
      'DELETE',
      `${base}/${ordered.body[1]!.id}`,
    );
    expect(removed.body).toHaveLength(1);
  });

  it('lists ended sessions with their slides, and the photos, in the Mediathek', async () => {
    const res = await attendee.request<Mediathek>('GET', `/api/events/${slug}/mediathek`);
    expect(res.status).toBe(200);
    const session = res.body.sessions.find((s) => s.id === own);
    expect(session?.slides).toHaveLength(1);
    expect(session?.speakers).toContain('Dr. Anna Weber');
    expect(res.body.impressions).toHaveLength(1);
  });

  it('follows the event setting: members only refuses anonymous visitors, public lets them in', async () => {
    const event = await anonymous.request<EventView>('GET', `/api/events/${slug}`);
    expect(event.body.mediaAccess).toBe('registered');
    const refused = await anonymous.request<{ code: string }>(
      'GET',
      `/api/events/${slug}/mediathek`,
    );
    expect(refused.status).toBe(401);
    expect(
      (await anonymous.request('GET', `/api/events/${slug}/sessions/${own}/ondemand`)).status,
    ).toBe(401);
    expect((await anonymous.request('GET', `/api/events/${slug}/impressions`)).status).toBe(401);
    const page = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${own}/ondemand`,
    );
    const unsigned = page.body.slides[0]!.downloadUrl.split('?')[0]!;
    expect((await anonymous.request('GET', unsigned)).status).toBe(401);

    expect(
      (await attendee.request('PATCH', `/api/events/${slug}`, { mediaAccess: 'public' })).status,
    ).toBe(403);
    const invalid = await organizer.request<FieldErrors>('PATCH', `/api/events/${slug}`, {
      mediaAccess: 'everyone',
    });
    expect(invalid.status).toBe(422);
    const changed = await organizer.request<EventView>('PATCH', `/api/events/${slug}`, {
      mediaAccess: 'public',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mediaAccess).toBe('public');
    const open = await anonymous.request<Mediathek>('GET', `/api/events/${slug}/mediathek`);
    expect(open.status).toBe(200);
    expect(open.body.sessions.some((s) => s.id === own)).toBe(true);
    expect((await anonymous.request('GET', unsigned)).status).toBe(200);
    // Reading is public; changing is not.
    expect((await upload(anonymous, own, pdf)).status).toBe(401);
  });
});
