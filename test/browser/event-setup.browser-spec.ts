import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(60_000);

const title = 'Landeskongress Verwaltung 2027';
const slug = 'landeskongress-verwaltung-2027';
const booth = 'Kommunal Digital e. V.';
// A 1×1 PNG: the api checks the file's signature, not just the declared type.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/*
 * An organizer sets up a congress in the web app alone: the new-event wizard, then a booth in
 * its hall, created and deleted again. The tests share a page and run in order.
 */
describe('setting up an event in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let faults: PageFaults;

  const baseUrl = () => app?.baseUrl ?? '';
  const areas = () => page.getByRole('navigation', { name: 'Bereiche der Veranstaltung' });
  /** The tag and id of the element that has keyboard focus. */
  const focused = async () => {
    const el = page.locator(':focus');
    const tag = (await el.evaluate((node: { nodeName: string }) => node.nodeName)).toLowerCase();
    return `${tag}#${(await el.getAttribute('id')) ?? ''}`;
  };

  beforeAll(async () => {
    assertWebAppBuilt();
    app = await startTestApp({ seedDemo: true });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await context.newPage();
    faults = watchForFaults(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the wizard from the administration, suggesting the address from the title', async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('organizer@plenum.test');
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await areas().getByRole('link', { name: 'Verwaltung' }).click();
    await page.getByRole('link', { name: 'Neue Veranstaltung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neue Veranstaltung anlegen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Schritt 1 von 2: Grunddaten' }).waitFor();

    await page.getByLabel('Titel', { exact: true }).fill(title);
    expect(await page.getByLabel('Adresse (Kurzname)').inputValue()).toBe(slug);
    expect(await page.getByLabel('Zeitzone').inputValue()).toBe('Europe/Berlin');
  });

  it('says clearly when the address is taken, on the field and in the summary', async () => {
    await page.getByLabel('Adresse (Kurzname)').fill('digitale-staedte');
    await page.getByLabel('Erster Tag').fill('2027-03-10');
    await page.getByLabel('Letzter Tag').fill('2027-03-11');
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();

    const taken = 'Diese Adresse ist schon vergeben. Bitte wählen Sie eine andere.';
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' });
    await summary.getByRole('link', { name: taken }).waitFor();
    const field = page.getByLabel('Adresse (Kurzname)');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('new-event-slug-error');

    // The summary's link takes the keyboard to the field.
    await summary.getByRole('link', { name: taken }).click();
    expect(await focused()).toBe('input#new-event-slug');
  });

  it('creates the event, takes a logo in step two and lands on its administration', async () => {
    await page.getByLabel('Adresse (Kurzname)').fill(slug);
    await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();

    const step = page.getByRole('heading', { level: 2, name: 'Schritt 2 von 2: Logo' });
    await step.waitFor();
    expect(await focused()).toBe('h2#new-event-step');
    await page
      .getByRole('status')
      .filter({ hasText: `„${title}“ ist angelegt.` })
      .first()
      .waitFor();

    await page.getByLabel('Neues Logo').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await page.getByRole('button', { name: 'Logo hochladen' }).click();
    await page.getByText('Das neue Logo ist gespeichert.').first().waitFor();

    await page.getByRole('button', { name: 'Weiter zur Verwaltung' }).click();
    await page.waitForURL(`**/e/${slug}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
    await page.locator('img.logo-preview').waitFor();
  });

  it('creates a booth in the new hall and opens its page', async () => {
    await areas().getByRole('link', { name: 'Expo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ausstellung' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Neuen Stand anlegen' }).waitFor();

    // A name is required: the form says so before asking the server.
    await page.getByRole('button', { name: 'Stand anlegen' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Bitte geben Sie den Namen der Organisation ein.' })
      .waitFor();

    await page.getByLabel('Name der Organisation').fill(booth);
    const boothSlug = await page.getByLabel('Adresse (Kurzname)').inputValue();
    expect(boothSlug).toBe('kommunal-digital-e-v');
    await page.getByRole('button', { name: 'Stand anlegen' }).click();

    await page.waitForURL(`**/e/${slug}/expo/${boothSlug}`);
    await page.getByRole('heading', { level: 1, name: booth }).waitFor();
  });

  it('adds staff by e-mail and removes them again; an existing account is invited', async () => {
    await page.getByRole('button', { name: 'Stand bearbeiten' }).click();
    const staff = page.getByRole('region', { name: 'Standpersonal' });
    await staff.getByText('Dieser Stand hat noch kein Personal.').waitFor();

    await staff.getByLabel('E-Mail-Adresse').fill('standteam@example.org');
    await staff.getByLabel('Name', { exact: true }).fill('Stand Team');
    await staff.getByRole('button', { name: 'Einladen' }).click();
    const remove = staff.getByRole('button', { name: 'Stand Team entfernen' });
    await remove.waitFor();

    await remove.click();
    await staff.getByText('Dieser Stand hat noch kein Personal.').waitFor();
    expect(await remove.count()).toBe(0);

    // An account that exists already becomes staff only by accepting: the invitation waits.
    await staff.getByLabel('E-Mail-Adresse').fill('attendee@plenum.test');
    await staff.getByLabel('Name', { exact: true }).fill('Attendee');
    await staff.getByRole('button', { name: 'Einladen' }).click();
    await staff
      .getByRole('button', { name: 'Einladung an attendee@plenum.test zurückziehen' })
      .waitFor();
    await staff.getByText('Dieser Stand hat noch kein Personal.').waitFor();
  });

  it('deletes the booth after its name is typed, back in the now empty hall', async () => {
    await page.getByRole('heading', { level: 3, name: 'Stand löschen' }).waitFor();
    const confirm = page.getByLabel(`Zum Bestätigen den Namen „${booth}“ eingeben`);

    await confirm.fill('Kommunal');
    await page.getByRole('button', { name: 'Stand endgültig löschen' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Der Name stimmt nicht/ })
      .waitFor();
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');

    await confirm.fill(booth);
    await page.getByRole('button', { name: 'Stand endgültig löschen' }).click();

    await page.waitForURL(`**/e/${slug}/expo`);
    await page
      .getByRole('status')
      .filter({ hasText: `Der Stand „${booth}“ ist gelöscht.` })
      .first()
      .waitFor();
    await page.getByText('Keine Stände gefunden.').waitFor();
    expect(await page.getByRole('link', { name: booth }).count()).toBe(0);
    expect(faults.pageErrors).toEqual([]);
    expect(faults.cspViolations).toEqual([]);
  });
});
