import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(60_000);

const eventTitle = 'Digitale Städte – Digitale Regionen';

/*
 * One person's visit, step by step: the tests share a page and run in order, because each step
 * starts where the previous one left off (signed in, language switched) as it would for a user.
 */
describe('signing in to the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let faults: PageFaults;

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

  it('sends a visitor to the login page', async () => {
    await page.goto(`${app?.baseUrl ?? ''}/`);
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByText('Demo: attendee@plenum.test / plenum').waitFor();
  });

  it('says so when the password is wrong', async () => {
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('attendee@plenum.test');
    await page.getByLabel('Passwort', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Anmelden' }).click();

    await page
      .getByRole('alert')
      .filter({ hasText: 'E-Mail-Adresse oder Passwort ist nicht korrekt.' })
      .waitFor();
    expect(page.url()).toMatch(/\/login$/);
  });

  it('signs in and shows the event home with what is on now and next', async () => {
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();

    await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
    expect(page.url()).toMatch(/\/e\/[a-z0-9-]+$/);
    const nowNext = page.getByRole('region', { name: 'Jetzt und gleich' });
    await nowNext.waitFor();
    await nowNext.getByRole('heading', { name: 'Jetzt', exact: true }).waitFor();
    const areas = page.getByRole('navigation', { name: 'Bereiche der Veranstaltung' });
    expect(await areas.getByRole('link', { name: 'Start' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('switches the interface to English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    const areas = page.getByRole('navigation', { name: 'Event areas' });
    await areas.getByRole('link', { name: 'Stages' }).waitFor();
    await areas.getByRole('link', { name: 'Programme', exact: true }).waitFor();
    expect(await areas.getByRole('link', { name: 'Bühnen' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Now and next' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(
      await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('opens an event area from the navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Event areas' })
      .getByRole('link', { name: 'Stages' })
      .click();

    await page.getByRole('heading', { level: 1, name: 'Stages' }).waitFor();
    await page.getByText('This area is being set up.').waitFor();
    expect(page.url()).toMatch(/\/e\/[a-z0-9-]+\/stages$/);
  });

  it('signs out back to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('keeps the person signed out after a reload', async () => {
    await page.reload();

    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(page.url()).toMatch(/\/login$/);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(faults.pageErrors).toEqual([]);
    expect(faults.cspViolations).toEqual([]);
  });
});
