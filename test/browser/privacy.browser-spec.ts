import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(60_000);

/*
 * Reports and personal data as people use them: the organizer reads the report, downloads a
 * table and sets the retention period; an attendee downloads their data and deletes the account.
 */
describe('reports and personal data in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let faults: PageFaults;

  const baseUrl = () => app?.baseUrl ?? '';
  const areas = () => page.getByRole('navigation', { name: 'Bereiche der Veranstaltung' });

  async function signIn(email: string): Promise<void> {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await areas().waitFor();
  }

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

  it('shows the organizer the report with charts, tables and CSV downloads', async () => {
    await signIn('organizer@plenum.test');
    await areas().getByRole('link', { name: 'Verwaltung' }).click();
    await page.getByRole('link', { name: 'Berichte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor();
    for (const title of ['Sitzungen', 'Stände', 'Workshops']) {
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
    }
    const chart = page.getByRole('img', { name: /Balkendiagramm: Zuschauende je Sitzung/ });
    await chart.waitFor();
    expect(
      await page.getByRole('table', { name: 'Stände' }).getByRole('row').count(),
    ).toBeGreaterThan(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Stände als CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('report-digitale-staedte-booths.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(
      'booth_id,organisation,visits,unique_visitors,minutes_spent,conversations,leads',
    );
  });

  it('lets the organizer set the retention period in the event settings', async () => {
    await areas().getByRole('link', { name: 'Verwaltung' }).click();
    const days = page.getByLabel('Tage nach Veranstaltungsende');
    await days.fill('30');
    await page.getByRole('button', { name: 'Aufbewahrung speichern' }).click();
    await page.locator('.notice-success', { hasText: 'Gespeichert.' }).waitFor();
    await page.getByText(/^Anonymisierung ab /).waitFor();
    await page.reload();
    expect(await page.getByLabel('Tage nach Veranstaltungsende').inputValue()).toBe('30');
  });

  it('lets an attendee download their data and delete the account', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/login');
    await signIn('attendee050@plenum.test');
    await page.getByRole('link', { name: 'Meine Daten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meine Daten' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Meine Daten herunterladen' }).click(),
    ]);
    const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
      tables: Record<string, Array<Record<string, unknown>>>;
    };
    expect(data.tables.users?.[0]?.email).toBe('attendee050@plenum.test');
    expect(data.tables.memberships?.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Konto löschen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Konto wirklich löschen?' });
    await dialog.getByLabel('Passwort').fill('falsch');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await dialog.getByText('Das Passwort ist falsch.').waitFor();

    await dialog.getByLabel('Passwort').fill('plenum');
    await dialog.getByRole('button', { name: 'Endgültig löschen' }).click();
    await page.waitForURL('**/login');

    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('attendee050@plenum.test');
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').waitFor();
    const [gone] = await app!.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM users WHERE email = 'attendee050@plenum.test'`,
    );
    expect(gone?.n).toBe(0);
    expect(faults.pageErrors).toEqual([]);
    expect(faults.cspViolations).toEqual([]);
  });
});
