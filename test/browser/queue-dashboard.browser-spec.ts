import type { Browser } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';

jest.setTimeout(60_000);

/* The organizer view's link to bull-board, and the dashboard it opens in the same browser. */
describe('the queue dashboard from the organizer view', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    assertWebAppBuilt();
    app = await startTestApp({ seedDemo: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens /admin/queues for an organizer and shows the reminder queues', async () => {
    const context = await browser!.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const faults = watchForFaults(page);
    await page.goto(`${app!.baseUrl}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('organizer@plenum.test');
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${app!.baseUrl}/e/digitale-staedte/admin`);

    await page.getByRole('button', { name: 'Warteschlangen öffnen' }).click();
    await page.waitForURL('**/admin/queues**');
    await page.getByText('reminders', { exact: true }).first().waitFor();
    await page.getByText('deliveries', { exact: true }).first().waitFor();

    expect(faults.pageErrors).toEqual([]);
    // bull-board asks for a Google Fonts stylesheet; the policy keeps third parties out on purpose.
    expect(faults.cspViolations.filter((v) => !v.includes('fonts.googleapis.com'))).toEqual([]);

    // Another browser, never signed in, gets the refusal page.
    const stranger = await (await browser!.newContext()).newPage();
    const refused = await stranger.goto(`${app!.baseUrl}/admin/queues`);
    expect(refused?.status()).toBe(401);
    await stranger.getByRole('heading', { name: 'Anmeldung nötig · Sign-in required' }).waitFor();
  });
});
