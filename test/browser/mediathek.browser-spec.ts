import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { seedDemoCongress } from '@plenum/demo';
import { FileStorage } from '@plenum/platform';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { demoCongress } from '../support/video-fixture';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(60_000);

const keynote = 'Begrüßung und Keynote: Smarte Regionen für ein starkes Hessen';

/* An attendee catches up after the congress: finds a session, watches it, gets the slides. */
describe('the Mediathek in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const faults: PageFaults[] = [];

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser!.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    faults.push(watchForFaults(page));
    await page.goto(`${app!.baseUrl}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  };

  beforeAll(async () => {
    assertWebAppBuilt();
    app = await startTestApp();
    // As on a first start: generated slides and photos go into the api's storage.
    await seedDemoCongress(app.dataSource, new Date(), app.app.get(FileStorage));
    // The keynote's replay: a film the organizer uploaded (served by the api, in ranges).
    const demo = await demoCongress(app.dataSource);
    const organizer = new ApiClient(app.baseUrl);
    await organizer.login('organizer@plenum.test');
    const film = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypmp42'), 0, 0, 0, 0]),
      Buffer.alloc(2048),
    ]);
    const uploaded = await organizer.request(
      'PUT',
      `/api/events/digitale-staedte/sessions/${demo.sessions['keynote']}/recordings/upload`,
      film,
      { 'content-type': 'video/mp4' },
    );
    expect(uploaded.status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an attendee find an ended session, see its replay, download the slides and read the answered questions', async () => {
    const page = await signIn('attendee@plenum.test');
    await page.goto(`${app!.baseUrl}/e/digitale-staedte`);
    await page.getByRole('link', { name: 'Mediathek' }).click();
    await page.getByRole('heading', { name: 'Filme, Folien und Impressionen', level: 1 }).waitFor();

    // Searching by a speaker's name narrows the list to her keynote.
    await page.getByLabel('Suchen nach Titel oder Person').fill('Sinemus');
    await page.getByRole('status').filter({ hasText: '1 Sitzung gefunden.' }).waitFor();
    expect(await page.locator('.mediathek-day .card').count()).toBe(1);
    await page.getByLabel('Suchen nach Titel oder Person').fill('gibt es nicht');
    await page.getByText('Nichts gefunden für „gibt es nicht“.').waitFor();
    await page.getByLabel('Suchen nach Titel oder Person').fill('Keynote');

    // The gallery: every photo has its description.
    const photos = page.getByRole('button', { name: /^Foto vergrößern: / });
    expect(await photos.count()).toBe(4);
    await photos.first().click();
    const dialog = page.getByRole('dialog', { name: 'Foto' });
    await dialog.getByText('Foto 1 von 4').waitFor();
    await page.keyboard.press('ArrowRight');
    await dialog.getByText('Foto 2 von 4').waitFor();
    expect(await dialog.getByRole('img').getAttribute('alt')).toContain('Hauptbühne');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: keynote, exact: true }).click();
    await page.getByRole('heading', { name: keynote, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Nach der Sitzung' }).waitFor();
    const player = page.locator('video').and(page.getByLabel(`Aufzeichnung: ${keynote}`));
    await player.waitFor();
    expect(await player.getAttribute('src')).toMatch(/\/media\/recordings\/.*sig=/);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Folien zur Eröffnung herunterladen/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('eroeffnung-folien.pdf');
    const path = await download.path();
    expect((await readFile(path)).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('heading', { name: 'Beantwortete Fragen' }).waitFor();
    await page.getByText('Wann ist jede Schule in Hessen an Glasfaser angeschlossen?').waitFor();

    expect(faults.flatMap((f) => [...f.cspViolations, ...f.pageErrors])).toEqual([]);
  });

  it('shows a public Mediathek to visitors who are not signed in, and only when it is public', async () => {
    const context = await browser!.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    faults.push(watchForFaults(page));
    await page.goto(`${app!.baseUrl}/events/digitale-staedte/mediathek`);
    await page.getByText('Die Mediathek konnte nicht geladen werden.', { exact: false }).waitFor();

    const organizer = new ApiClient(app!.baseUrl);
    await organizer.login('organizer@plenum.test');
    await organizer.request('PATCH', '/api/events/digitale-staedte', { mediaAccess: 'public' });
    await page.reload();
    await page.getByText('Diese Mediathek ist öffentlich.').waitFor();
    await page.getByRole('link', { name: keynote, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Foto vergrößern: / }).count()).toBe(4);
    expect(faults.flatMap((f) => [...f.cspViolations, ...f.pageErrors])).toEqual([]);
  });
});
