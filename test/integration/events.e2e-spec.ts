import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface ErrorBody {
  code: string;
  details?: { fields?: Array<{ path: string; message: string }> };
}
interface EventBody {
  id: string;
  slug: string;
  title: string;
  timeZone: string;
  logoUrl: string | null;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('events, roles and the event-scoped permission check', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let attendee: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
  });
  afterAll(() => t.close());

  it('shows an event publicly by slug, and 404 for an unknown slug', async () => {
    const anonymous = new ApiClient(t.baseUrl);
    const res = await anonymous.request<EventBody>('GET', '/api/events/digitale-staedte');
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('Digitale Städte – Digitale Regionen');
    expect(res.body.timeZone).toBe('Europe/Berlin');
    expect((await anonymous.request<ErrorBody>('GET', '/api/events/no-such-event')).status).toBe(
      404,
    );
  });

  it('lets an organizer create an event and makes them its organizer', async () => {
    const res = await organizer.request<EventBody>('POST', '/api/events', {
      slug: 'regionalforum-2027',
      title: 'Regionalforum 2027',
      timeZone: 'Europe/Berlin',
      startsOn: '2027-03-01',
      endsOn: '2027-03-02',
    });
    expect(res.status).toBe(201);
    expect(res.body.slug).toBe('regionalforum-2027');
    const members = await organizer.request<Array<{ role: string }>>(
      'GET',
      '/api/events/regionalforum-2027/members',
    );
    expect(members.status).toBe(200);
    expect(members.body).toEqual([expect.objectContaining({ role: 'organizer' })]);
  });

  it('answers bad event bodies with 422 and a message per field, creating nothing', async () => {
    const res = await organizer.request<ErrorBody>('POST', '/api/events', {
      slug: 'Bad Slug',
      title: 'x',
      timeZone: 'Mars/Olympus',
      startsOn: '2027-03-05',
      endsOn: '2027-03-01',
    });
    expect(res.status).toBe(422);
    const paths = res.body.details?.fields?.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['slug', 'title', 'timeZone', 'endsOn']));
    const count = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM events',
    );
    expect(Number(count[0]!.n)).toBe(2);
  });

  it('refuses a taken slug with a field message', async () => {
    const res = await organizer.request<ErrorBody>('POST', '/api/events', {
      slug: 'digitale-staedte',
      title: 'Noch einmal',
      timeZone: 'Europe/Berlin',
      startsOn: '2027-01-01',
      endsOn: '2027-01-01',
    });
    expect(res.status).toBe(422);
    expect(res.body.details?.fields).toEqual([expect.objectContaining({ path: 'slug' })]);
  });

  it('forbids an attendee to create or change events (403)', async () => {
    const create = await attendee.request<ErrorBody>('POST', '/api/events', {
      slug: 'attendee-event',
      title: 'Mein Event',
      timeZone: 'Europe/Berlin',
      startsOn: '2027-01-01',
      endsOn: '2027-01-01',
    });
    expect(create.status).toBe(403);
    const patch = await attendee.request<ErrorBody>('PATCH', '/api/events/digitale-staedte', {
      title: 'Gekapert',
    });
    expect(patch.status).toBe(403);
    expect(patch.body.code).toBe('FORBIDDEN');
    const members = await attendee.request<ErrorBody>(
      'GET',
      '/api/events/digitale-staedte/members',
    );
    expect(members.status).toBe(403);
    const unchanged = await attendee.request<EventBody>('GET', '/api/events/digitale-staedte');
    expect(unchanged.body.title).toBe('Digitale Städte – Digitale Regionen');
  });

  it("hides another event's private data with 404", async () => {
    // The attendee is no member of the organizer's new event at all.
    const members = await attendee.request<ErrorBody>(
      'GET',
      '/api/events/regionalforum-2027/members',
    );
    expect(members.status).toBe(404);
    const patch = await attendee.request<ErrorBody>('PATCH', '/api/events/regionalforum-2027', {
      title: 'x-x-x',
    });
    expect(patch.status).toBe(404);
  });

  it('lets the organizer edit the event and upload a logo; bad files are refused', async () => {
    const patch = await organizer.request<EventBody>('PATCH', '/api/events/digitale-staedte', {
      title: 'Digitale Städte – Digitale Regionen 2026',
      timeZone: 'Europe/Vienna',
    });
    expect(patch.status).toBe(200);
    expect(patch.body.timeZone).toBe('Europe/Vienna');

    const logo = await organizer.request<EventBody>(
      'PUT',
      '/api/events/digitale-staedte/logo',
      PNG,
      {
        'content-type': 'image/png',
      },
    );
    expect(logo.status).toBe(200);
    expect(logo.body.logoUrl).toMatch(/^\/api\/events\/digitale-staedte\/logo/);
    const served = await fetch(`${t.baseUrl}${logo.body.logoUrl}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const renamed = await organizer.request<ErrorBody>(
      'PUT',
      '/api/events/digitale-staedte/logo',
      Buffer.from('<svg/>'),
      {
        'content-type': 'image/png',
      },
    );
    expect(renamed.status).toBe(422);
    const svg = await organizer.request<ErrorBody>(
      'PUT',
      '/api/events/digitale-staedte/logo',
      '<svg/>',
      {
        'content-type': 'image/svg+xml',
      },
    );
    expect(svg.status).toBe(415);
    const tooBig = await organizer.request<ErrorBody>(
      'PUT',
      '/api/events/digitale-staedte/logo',
      Buffer.concat([PNG, Buffer.alloc(1_100_000)]),
      { 'content-type': 'image/png' },
    );
    expect(tooBig.status).toBe(413);
  });

  it('records administrative actions in the audit log', async () => {
    const rows = await t.dataSource.query<Array<{ action: string }>>(
      `SELECT action FROM audit_logs ORDER BY created_at`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['event.created', 'event.updated', 'event.logo-changed']),
    );
  });

  it('lists the events a person belongs to', async () => {
    const mine = await attendee.request<EventBody[]>('GET', '/api/me/events');
    expect(mine.body.map((e) => e.slug)).toEqual(['digitale-staedte']);
  });
});
