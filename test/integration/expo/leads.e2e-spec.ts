import type { BoothSummaryView, LeadView, MyShareView } from '@plenum/contracts';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const EVENT = '/api/events/digitale-staedte';

describe('expo leads: nothing about an attendee reaches a booth without their explicit share', () => {
  let t: TestApp;
  let staff: ApiClient;
  let attendee: ApiClient;
  let other: ApiClient;
  let boothA: BoothSummaryView;
  let boothB: BoothSummaryView;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    staff = new ApiClient(t.baseUrl);
    attendee = new ApiClient(t.baseUrl);
    other = new ApiClient(t.baseUrl);
    await staff.login('exhibitor@plenum.test');
    await attendee.login('attendee@plenum.test');
    await other.login('attendee001@plenum.test');
    const list = await attendee.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
    [boothA, boothB] = list.body as [BoothSummaryView, BoothSummaryView];
  });
  afterAll(async () => {
    await t.close();
  });

  it('records consent with time and fields, shows staff exactly those fields, and honours withdrawal', async () => {
    const before = await staff.request<LeadView[]>('GET', `${EVENT}/booths/${boothA.id}/leads`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual([]);

    const noFields = await attendee.request('POST', `${EVENT}/booths/${boothA.id}/contact`, {
      fields: ['organisation'],
      organisation: 'Stadt X',
    });
    expect(noFields.status).toBe(422);

    const started = Date.now();
    const share = await attendee.request<MyShareView>(
      'POST',
      `${EVENT}/booths/${boothA.id}/contact`,
      { fields: ['email', 'organisation'], organisation: 'Stadt Musterhausen' },
    );
    expect(share.status).toBe(201);
    expect(share.body.sharedFields).toEqual(['email', 'organisation']);
    expect(Date.parse(share.body.consentedAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(share.body.withdrawnAt).toBeNull();

    const leads = await staff.request<LeadView[]>('GET', `${EVENT}/booths/${boothA.id}/leads`);
    expect(leads.body).toHaveLength(1);
    const lead = leads.body[0]!;
    expect(lead.email).toBe('attendee@plenum.test');
    expect(lead.organisation).toBe('Stadt Musterhausen');
    // The name was not ticked, so the booth does not get it.
    expect(lead.name).toBeNull();

    const noted = await staff.request<LeadView>(
      'PATCH',
      `${EVENT}/booths/${boothA.id}/leads/${lead.id}`,
      { note: '=HYPERLINK("x") will Demo', rating: 4 },
    );
    expect(noted.status).toBe(200);
    expect(noted.body.rating).toBe(4);
    const badRating = await staff.request(
      'PATCH',
      `${EVENT}/booths/${boothA.id}/leads/${lead.id}`,
      { rating: 9 },
    );
    expect(badRating.status).toBe(422);

    const csv = await staff.request<string>('GET', `${EVENT}/booths/${boothA.id}/leads.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('consented_at,name,email,organisation,message,rating,note');
    expect(lines[1]).toContain('"attendee@plenum.test","Stadt Musterhausen","","4"');
    // A note that looks like a formula is defused for spreadsheets.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") will Demo"`);

    const mine = await attendee.request<MyShareView[]>('GET', `${EVENT}/me/contact-shares`);
    expect(mine.body.map((s) => s.boothId)).toEqual([boothA.id]);

    const withdrawn = await attendee.request<MyShareView>(
      'DELETE',
      `${EVENT}/booths/${boothA.id}/contact`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const after = await staff.request<LeadView[]>('GET', `${EVENT}/booths/${boothA.id}/leads`);
    expect(after.body).toEqual([]);
    const csvAfter = await staff.request<string>('GET', `${EVENT}/booths/${boothA.id}/leads.csv`);
    expect(csvAfter.body).not.toContain('attendee@plenum.test');
    const gone = await staff.request('PATCH', `${EVENT}/booths/${boothA.id}/leads/${lead.id}`, {
      note: 'still here?',
    });
    expect(gone.status).toBe(404);
    const mineAfter = await attendee.request<MyShareView[]>('GET', `${EVENT}/me/contact-shares`);
    expect(mineAfter.body[0]?.withdrawnAt).not.toBeNull();
  });

  it("keeps staff of booth A out of booth B's leads and attendees out of others' shares", async () => {
    await other.request('POST', `${EVENT}/booths/${boothB.id}/contact`, {
      fields: ['name', 'email'],
    });
    const foreign = await staff.request('GET', `${EVENT}/booths/${boothB.id}/leads`);
    expect(foreign.status).toBe(403);
    const foreignCsv = await staff.request('GET', `${EVENT}/booths/${boothB.id}/leads.csv`);
    expect(foreignCsv.status).toBe(403);
    const asAttendee = await attendee.request('GET', `${EVENT}/booths/${boothB.id}/leads`);
    expect(asAttendee.status).toBe(403);

    const attendeeShares = await attendee.request<MyShareView[]>(
      'GET',
      `${EVENT}/me/contact-shares`,
    );
    expect(attendeeShares.body.map((s) => s.boothId)).toEqual([boothA.id]);
    const otherShares = await other.request<MyShareView[]>('GET', `${EVENT}/me/contact-shares`);
    expect(otherShares.body.map((s) => s.boothId)).toEqual([boothB.id]);
  });
});
