import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoothView, MeResponse, MemberView } from '@plenum/contracts';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const EVENT = '/api/events/digitale-staedte';
const PASSWORD = 'ein-langes-passwort';
const PDF = Buffer.from('%PDF-1.4\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);

interface ErrorBody {
  code: string;
  message: string;
  details?: { fields?: Array<{ path: string; message: string }> };
}

const fieldsOf = (body: ErrorBody) => (body.details?.fields ?? []).map((f) => f.path);

/** Every file below the storage directory, as paths relative to it. */
function storedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('expo set-up: organizers open and close booths; nobody else does', () => {
  let t: TestApp;
  let storageDir: string;
  let organizer: ApiClient;
  let exhibitor: ApiClient;
  let attendee: ApiClient;
  let otherOrganizer: ApiClient;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'plenum-storage-'));
    t = await startTestApp({ seedDemo: true, env: { STORAGE_DIR: storageDir } });
    organizer = new ApiClient(t.baseUrl);
    exhibitor = new ApiClient(t.baseUrl);
    attendee = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    await exhibitor.login('exhibitor@plenum.test');
    await attendee.login('attendee@plenum.test');

    // The organizer of another event: invited to an event of their own, not to this one.
    const other = await organizer.request('POST', '/api/events', {
      slug: 'anderer-kongress',
      title: 'Anderer Kongress',
      timeZone: 'Europe/Berlin',
      startsOn: '2026-10-01',
      endsOn: '2026-10-02',
    });
    expect(other.status).toBe(201);
    const invitation = await organizer.request<{ inviteUrl: string }>(
      'POST',
      '/api/events/anderer-kongress/invitations',
      { email: 'andere-orga@plenum.test', displayName: 'Andere Orga', role: 'organizer' },
    );
    expect(invitation.status).toBe(201);
    const accepted = await new ApiClient(t.baseUrl).request(
      'POST',
      '/api/auth/invitations/accept',
      { token: invitation.body.inviteUrl.split('#')[1], password: PASSWORD },
    );
    expect(accepted.status).toBe(200);
    otherOrganizer = new ApiClient(t.baseUrl);
    await otherOrganizer.login('andere-orga@plenum.test', PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('lets an organizer create a booth, last in the hall, with a slug from its name', async () => {
    const created = await organizer.request<BoothView>('POST', `${EVENT}/booths`, {
      organisation: 'Städtetag Süd',
      tagline: 'Kommunen gemeinsam',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'staedtetag-sued',
      organisation: 'Städtetag Süd',
      tagline: 'Kommunen gemeinsam',
      tier: 'standard',
      canManage: true,
    });
    const hall = await attendee.request<BoothView[]>('GET', `${EVENT}/booths`);
    expect(hall.body.at(-1)?.id).toBe(created.body.id);
    expect(hall.body).toHaveLength(22);

    // The same name again gets the next free slug; a chosen slug that is taken is a field error.
    const again = await organizer.request<BoothView>('POST', `${EVENT}/booths`, {
      organisation: 'Städtetag Süd',
    });
    expect(again.status).toBe(201);
    expect(again.body.slug).toBe('staedtetag-sued-2');
    const taken = await organizer.request<ErrorBody>('POST', `${EVENT}/booths`, {
      organisation: 'Anders',
      slug: 'staedtetag-sued',
    });
    expect(taken.status).toBe(422);
    expect(fieldsOf(taken.body)).toEqual(['slug']);
  });

  it('answers 422 with the field that is wrong', async () => {
    const empty = await organizer.request<ErrorBody>('POST', `${EVENT}/booths`, {
      organisation: '  ',
      slug: 'Nicht Gültig',
      tier: 'gold',
    });
    expect(empty.status).toBe(422);
    expect(fieldsOf(empty.body).sort()).toEqual(['organisation', 'slug', 'tier']);
  });

  it('refuses attendees, exhibitors and the organizer of another event', async () => {
    const body = { organisation: 'Unbefugt GmbH' };
    expect((await attendee.request('POST', `${EVENT}/booths`, body)).status).toBe(403);
    expect((await exhibitor.request('POST', `${EVENT}/booths`, body)).status).toBe(403);
    expect((await otherOrganizer.request('POST', `${EVENT}/booths`, body)).status).toBe(404);
    expect((await new ApiClient(t.baseUrl).request('POST', `${EVENT}/booths`, body)).status).toBe(
      401,
    );

    const hall = await organizer.request<BoothView[]>('GET', `${EVENT}/booths`);
    const [first] = hall.body;
    const confirm = { organisation: first!.organisation };
    const del = (client: ApiClient) =>
      client.request('DELETE', `${EVENT}/booths/${first!.id}`, confirm);
    // The booth's own staff manage it, but do not close it.
    expect(
      (await exhibitor.request('DELETE', `${EVENT}/booths/${first!.id}`, confirm)).status,
    ).toBe(403);
    expect((await del(attendee)).status).toBe(403);
    expect((await del(otherOrganizer)).status).toBe(404);
    expect((await organizer.request('GET', `${EVENT}/booths/${first!.id}`)).status).toBe(200);
    expect(hall.body.every((b) => b.organisation !== 'Unbefugt GmbH')).toBe(true);
  });

  it("deletes a booth with its staff's roles, files and chat, after its name is typed", async () => {
    const booth = (
      await organizer.request<BoothView>('POST', `${EVENT}/booths`, { organisation: 'Kurz Da AG' })
    ).body;
    const path = `${EVENT}/booths/${booth.id}`;
    expect(
      (await organizer.request('PUT', `${path}/logo`, PNG, { 'content-type': 'image/png' })).status,
    ).toBe(200);
    const doc = await organizer.request(
      'POST',
      `${path}/documents?title=Blatt&fileName=blatt.pdf`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    expect(doc.status).toBe(201);
    // The booth's chat room, as the first message in it would have made it.
    await t.dataSource.query(
      `INSERT INTO chat_rooms (room, event_id) SELECT $1, event_id FROM booths WHERE id = $2`,
      [`booth:${booth.id}`, booth.id],
    );
    const filesBefore = storedFiles(storageDir).length;

    // Staff: a new account, and an existing one (the attendee) who is invited to accept.
    const invite = (email: string, displayName: string) =>
      organizer.request<{ inviteUrl: string | null }>('POST', `${EVENT}/invitations`, {
        email,
        displayName,
        role: 'exhibitor',
        boothId: booth.id,
      });
    const fresh = await invite('standpersonal@plenum.test', 'Stand Personal');
    expect(fresh.status).toBe(201);
    await new ApiClient(t.baseUrl).request('POST', '/api/auth/invitations/accept', {
      token: fresh.body.inviteUrl!.split('#')[1],
      password: PASSWORD,
    });
    const staff = new ApiClient(t.baseUrl);
    await staff.login('standpersonal@plenum.test', PASSWORD);
    expect((await staff.request('PATCH', path, { tagline: 'Wir sind da' })).status).toBe(200);
    expect((await invite('attendee@plenum.test', 'Attendee')).status).toBe(201);

    const wrongName = await organizer.request<ErrorBody>('DELETE', path, { organisation: 'Kurz' });
    expect(wrongName.status).toBe(422);
    expect(fieldsOf(wrongName.body)).toEqual(['organisation']);
    const noBody = await organizer.request<ErrorBody>('DELETE', path, []);
    expect(noBody.status).toBe(422);

    const removed = await organizer.request('DELETE', path, { organisation: 'Kurz Da AG' });
    expect(removed.status).toBe(204);
    expect((await organizer.request('GET', path)).status).toBe(404);

    const members = await organizer.request<MemberView[]>('GET', `${EVENT}/members`);
    expect(members.body.filter((m) => m.boothId === booth.id)).toEqual([]);
    const pending = await organizer.request<Array<{ boothId?: string | null }>>(
      'GET',
      `${EVENT}/invitations`,
    );
    expect(pending.body.filter((i) => i.boothId === booth.id)).toEqual([]);
    // The staff member had only this booth's role: the event is no longer theirs.
    const me = await staff.request<MeResponse>('GET', '/api/me');
    expect(me.body.memberships.filter((m) => m.eventSlug === 'digitale-staedte')).toEqual([]);
    expect(storedFiles(storageDir).length).toBeLessThan(filesBefore);
    const rows = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM chat_rooms WHERE room = $1`,
      [`booth:${booth.id}`],
    );
    expect(rows[0]?.n).toBe(0);

    const audit = await t.dataSource.query<Array<{ action: string; details: { staff: number } }>>(
      `SELECT action, details FROM audit_logs WHERE target_id = $1 ORDER BY created_at`,
      [booth.id],
    );
    expect(audit.map((a) => a.action)).toContain('booth.created');
    expect(audit.at(-1)).toMatchObject({ action: 'booth.deleted', details: { staff: 1 } });
  });

  it('refuses to delete a booth that has leads, with a clear error', async () => {
    const booth = (
      await organizer.request<BoothView>('POST', `${EVENT}/booths`, { organisation: 'Mit Leads' })
    ).body;
    const share = await attendee.request('POST', `${EVENT}/booths/${booth.id}/contact`, {
      fields: ['name', 'email'],
    });
    expect(share.status).toBe(201);
    const refused = await organizer.request<ErrorBody>('DELETE', `${EVENT}/booths/${booth.id}`, {
      organisation: 'Mit Leads',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BOOTH_HAS_LEADS');
    expect((await organizer.request('GET', `${EVENT}/booths/${booth.id}`)).status).toBe(200);
  });
});
