import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoothSummaryView, BoothView } from '@plenum/contracts';
import { seedDemoCongress } from '@plenum/demo';
import { FileStorage } from '@plenum/platform';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';

const EVENT = '/api/events/digitale-staedte';

describe('demo expo: 21 booths with German texts, generated logos, brochures and two staff', () => {
  let t: TestApp;
  let storageDir: string;

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'plenum-demo-storage-'));
    t = await startTestApp({ env: { STORAGE_DIR: storageDir } });
    await seedDemoCongress(t.dataSource, new Date(), t.app.get(FileStorage));
  });
  afterAll(async () => {
    await t.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('shows every booth with a PNG logo, a PDF brochure, links and open hours', async () => {
    const attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
    const list = await attendee.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
    expect(list.body).toHaveLength(21);
    expect(list.body.every((b) => b.logoUrl)).toBe(true);
    expect(list.body.every((b) => b.openNow)).toBe(true);

    const first = list.body[0]!;
    const logo = await fetch(`${t.baseUrl}${first.logoUrl}`);
    expect(logo.headers.get('content-type')).toBe('image/png');
    const booth = await attendee.request<BoothView>('GET', `${EVENT}/booths/${first.slug}`);
    expect(booth.body.descriptionHtml).toContain('<ul><li>');
    expect(booth.body.description).toContain('An unserem Stand finden Sie');
    expect(booth.body.links.map((l) => l.label)).toEqual(['Website', 'E-Mail']);
    const doc = booth.body.documents[0]!;
    const pdf = await attendee.request<string>('GET', doc.url);
    expect(pdf.headers.get('content-disposition')).toContain('attachment');
    expect(pdf.body.startsWith('%PDF-1.4')).toBe(true);
  });

  it('puts exhibitor@ and exhibitor2@ on the first booth as its staff', async () => {
    for (const email of ['exhibitor@plenum.test', 'exhibitor2@plenum.test']) {
      const staff = new ApiClient(t.baseUrl);
      await staff.login(email);
      const list = await staff.request<BoothSummaryView[]>('GET', `${EVENT}/booths`);
      const first = await staff.request<BoothView>('GET', `${EVENT}/booths/${list.body[0]!.id}`);
      const second = await staff.request<BoothView>('GET', `${EVENT}/booths/${list.body[1]!.id}`);
      expect(first.body.canManage).toBe(true);
      expect(second.body.canManage).toBe(false);
    }
  });
});
