import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoothDocumentView, BoothSummaryView, BoothView } from '@plenum/contracts';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const EVENT = '/api/events/digitale-staedte';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('expo booths: staff edit their own booth, files are checked and served as downloads', () => {
  let t: TestApp;
  let storageDir: string;
  let organizer: ApiClient;
  let staff: ApiClient;
  let attendee: ApiClient;
  let boothA: BoothSummaryView;
  let boothB: BoothSummaryView;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'plenum-storage-'));
    t = await startTestApp({ seedDemo: true, env: { STORAGE_DIR: storageDir } });
    organizer = new ApiClient(t.baseUrl);
    staff = new ApiClient(t.baseUrl);
    attendee = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    await staff.login('exhibitor@plenum.test');
    await attendee.login('attendee@plenum.test');
    const list = await attendee.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(21);
    [boothA, boothB] = list.body as [BoothSummaryView, BoothSummaryView];
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('lets staff edit their own booth with sanitised Markdown, and no other booth', async () => {
    const edit = await staff.request<BoothView>('PATCH', `${EVENT}/booths/${boothA.id}`, {
      tagline: 'Neue Zeile',
      description:
        'Wir **bauen** Städte.\n\n<script>alert(1)</script>\n\n- [Web](https://a.example)',
      links: [{ label: 'Website', url: 'https://a.example' }],
      openingHours: [
        {
          opensAt: new Date(Date.now() - 3_600_000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      ],
    });
    expect(edit.status).toBe(200);
    expect(edit.body.tagline).toBe('Neue Zeile');
    expect(edit.body.openNow).toBe(true);
    expect(edit.body.descriptionHtml).toContain('<strong>bauen</strong>');
    expect(edit.body.descriptionHtml).not.toContain('<script>');
    expect(edit.body.descriptionHtml).toContain('&lt;script&gt;');

    const other = await staff.request<{ code: string }>('PATCH', `${EVENT}/booths/${boothB.id}`, {
      tagline: 'Übernommen',
    });
    expect(other.status).toBe(403);
    const unchanged = await attendee.request<BoothView>('GET', `${EVENT}/booths/${boothB.slug}`);
    expect(unchanged.body.tagline).toBe(boothB.tagline);
    expect(unchanged.body.canManage).toBe(false);

    const badLink = await staff.request<{ code: string }>('PATCH', `${EVENT}/booths/${boothA.id}`, {
      links: [{ label: 'x', url: 'javascript:alert(1)' }],
    });
    expect(badLink.status).toBe(422);

    // The tier is the organizers' to set, not the exhibitor's.
    const tier = await staff.request('PATCH', `${EVENT}/booths/${boothA.id}`, { tier: 'basic' });
    expect(tier.status).toBe(403);
    const byOrganizer = await organizer.request<BoothView>(
      'PATCH',
      `${EVENT}/booths/${boothB.id}`,
      {
        tier: 'premium',
      },
    );
    expect(byOrganizer.status).toBe(200);
    expect(byOrganizer.body.tier).toBe('premium');

    const attendeeEdit = await attendee.request('PATCH', `${EVENT}/booths/${boothA.id}`, {
      tagline: 'x',
    });
    expect(attendeeEdit.status).toBe(403);
  });

  it('accepts a real PNG logo and refuses bad, oversized and mislabelled files', async () => {
    const ok = await staff.request<BoothView>('PUT', `${EVENT}/booths/${boothA.id}/logo`, PNG, {
      'content-type': 'image/png',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.logoUrl).toBeTruthy();
    const image = await fetch(`${t.baseUrl}${ok.body.logoUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    const fake = await staff.request<{ code: string }>(
      'PUT',
      `${EVENT}/booths/${boothA.id}/banner`,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      { 'content-type': 'image/png' },
    );
    expect(fake.status).toBe(422);
    const svg = await staff.request<{ code: string }>(
      'PUT',
      `${EVENT}/booths/${boothA.id}/banner`,
      Buffer.from('<svg/>'),
      { 'content-type': 'image/svg+xml' },
    );
    expect(svg.status).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(1_100_000)]);
    const tooBig = await staff.request<{ code: string }>(
      'PUT',
      `${EVENT}/booths/${boothA.id}/banner`,
      big,
      { 'content-type': 'image/png' },
    );
    expect(tooBig.status).toBe(413);
    const foreign = await staff.request('PUT', `${EVENT}/booths/${boothB.id}/logo`, PNG, {
      'content-type': 'image/png',
    });
    expect(foreign.status).toBe(403);
  });

  it('stores documents, serves them as attachments to members, and checks their content', async () => {
    const added = await staff.request<BoothDocumentView>(
      'POST',
      `${EVENT}/booths/${boothA.id}/documents?title=Produktblatt&fileName=${encodeURIComponent('../../Übersicht.pdf')}`,
      PDF,
      { 'content-type': 'application/pdf' },
    );
    expect(added.status).toBe(201);
    expect(added.body.fileName).toBe('Übersicht.pdf');

    const download = await attendee.request<string>('GET', added.body.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.body.startsWith('%PDF-')).toBe(true);

    const stranger = await fetch(`${t.baseUrl}${added.body.url}`);
    expect(stranger.status).toBe(401);

    const notPdf = await staff.request<{ code: string }>(
      'POST',
      `${EVENT}/booths/${boothA.id}/documents?title=x&fileName=x.pdf`,
      Buffer.from('MZ this is an executable'),
      { 'content-type': 'application/pdf' },
    );
    expect(notPdf.status).toBe(422);
    const html = await staff.request(
      'POST',
      `${EVENT}/booths/${boothA.id}/documents?title=x&fileName=x.html`,
      '<html></html>',
      { 'content-type': 'text/html' },
    );
    expect(html.status).toBe(415);
    const huge = await staff.request(
      'POST',
      `${EVENT}/booths/${boothA.id}/documents?title=x&fileName=x.pdf`,
      Buffer.concat([PDF, Buffer.alloc(10_100_000)]),
      { 'content-type': 'application/pdf' },
    );
    expect(huge.status).toBe(413);

    const view = await attendee.request<BoothView>('GET', `${EVENT}/booths/${boothA.slug}`);
    expect(view.body.documents.map((d) => d.title)).toEqual(['Produktblatt']);

    // Staff rename a document (its title only); nobody else may, and a title is required.
    const docPath = `${EVENT}/booths/${boothA.id}/documents/${added.body.id}`;
    const renamed = await staff.request<BoothDocumentView>('PATCH', docPath, {
      title: '  Produktblatt 2026 ',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'Produktblatt 2026', fileName: 'Übersicht.pdf' });
    const empty = await staff.request<{ code: string; details: { fields: unknown[] } }>(
      'PATCH',
      docPath,
      { title: ' ' },
    );
    expect(empty.status).toBe(422);
    expect(empty.body.details.fields).toEqual([{ path: 'title', message: expect.any(String) }]);
    expect((await attendee.request('PATCH', docPath, { title: 'Gekapert' })).status).toBe(403);
    const otherBooth = `${EVENT}/booths/${boothB.id}/documents/${added.body.id}`;
    expect((await organizer.request('PATCH', otherBooth, { title: 'x' })).status).toBe(404);
    const renamedView = await attendee.request<BoothView>('GET', `${EVENT}/booths/${boothA.slug}`);
    expect(renamedView.body.documents.map((d) => d.title)).toEqual(['Produktblatt 2026']);

    const removed = await staff.request(
      'DELETE',
      `${EVENT}/booths/${boothA.id}/documents/${added.body.id}`,
    );
    expect(removed.status).toBe(204);
    expect((await attendee.request('GET', added.body.url)).status).toBe(404);
  });

  it('lets organizers invite staff for one booth, who then manage that booth only', async () => {
    const invite = await organizer.request<{ inviteUrl: string }>('POST', `${EVENT}/invitations`, {
      email: 'standteam@example.org',
      displayName: 'Standteam B',
      role: 'exhibitor',
      boothId: boothB.id,
    });
    expect(invite.status).toBe(201);
    const token = invite.body.inviteUrl.split('#').pop()!;
    const person = new ApiClient(t.baseUrl);
    const accepted = await person.request('POST', '/api/auth/invitations/accept', {
      token,
      password: 'ein-langes-passwort',
    });
    expect(accepted.status).toBeLessThan(300);
    await person.login('standteam@example.org', 'ein-langes-passwort');
    const own = await person.request('PATCH', `${EVENT}/booths/${boothB.id}`, { tagline: 'B neu' });
    expect(own.status).toBe(200);
    const foreign = await person.request('PATCH', `${EVENT}/booths/${boothA.id}`, {
      tagline: 'A?',
    });
    expect(foreign.status).toBe(403);
  });
});
