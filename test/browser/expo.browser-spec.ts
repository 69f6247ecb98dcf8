import type { Browser, Page } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(60_000);

/* An attendee finds a booth in the expo hall and shares their contact; the booth's staff see it. */
describe('the expo hall in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const faults: PageFaults[] = [];

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser!.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
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
    app = await startTestApp({ seedDemo: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets an attendee find a booth, share their contact (which its staff then see) and ask to talk', async () => {
    const attendee = await signIn('attendee@plenum.test');
    await attendee.goto(`${app!.baseUrl}/e/digitale-staedte/expo`);
    await attendee.getByRole('heading', { name: 'Ausstellung', level: 1 }).waitFor();
    await attendee.getByLabel('Aussteller suchen').fill('Smarte Region');
    const cards = attendee.locator('.booth-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(1);
    await attendee.getByRole('link', { name: 'Geschäftsstelle Smarte Region' }).click();
    await attendee
      .getByRole('heading', { name: 'Geschäftsstelle Smarte Region', level: 1 })
      .waitFor();
    await attendee.getByRole('region', { name: 'Stand-Chat' }).waitFor();

    // Nobody from the booth is online yet: no way into an empty room, a contact request instead.
    await attendee.getByText('Gerade ist niemand vom Stand online.', { exact: false }).waitFor();
    expect(await attendee.getByRole('button', { name: 'Videogespräch anfragen' }).count()).toBe(0);

    // Nothing reaches the booth before the attendee acts.
    const staff = await signIn('exhibitor@plenum.test');
    await staff.goto(`${app!.baseUrl}/e/digitale-staedte/expo/geschaeftsstelle-smarte-region`);
    await staff.getByText('Noch hat niemand seinen Kontakt geteilt.').waitFor();

    await attendee.getByRole('checkbox', { name: 'Organisation' }).check();
    await attendee.getByLabel('Ihre Organisation').fill('Stadt Musterhausen');
    await attendee.getByRole('button', { name: 'Teilen' }).click();
    await attendee.getByText(/Sie haben Ihren Kontakt am .* geteilt\./).waitFor();

    await staff.reload();
    const leads = staff.getByRole('table', { name: 'Kontakte (Leads)' });
    await leads.waitFor();
    const row = leads.getByRole('row').filter({ hasText: 'Alex Teilnehmerin' });
    await row.waitFor();
    expect(await row.textContent()).toContain('attendee@plenum.test');
    expect(await row.textContent()).toContain('Stadt Musterhausen');

    // The staff member is on the booth page (in its room), so the attendee can ask to talk.
    await attendee.reload();
    await attendee.getByRole('button', { name: 'Videogespräch anfragen' }).click();
    await attendee.getByText('Platz 1 in der Warteschlange', { exact: false }).waitFor();
    await staff.getByRole('button', { name: 'Nächste Person annehmen' }).click();
    await attendee.getByText('hat Ihre Anfrage angenommen', { exact: false }).waitFor();
    await staff.getByText('Alex Teilnehmerin – im Gespräch').waitFor();

    // The staff's dashboard counts the attendee's visits, with the hourly chart.
    const stats = staff.getByRole('region', { name: 'Besuche' });
    await stats.getByRole('img', { name: /Aufrufe je Stunde .* zusammen [1-9]/ }).waitFor();

    expect(faults.flatMap((f) => [...f.cspViolations, ...f.pageErrors])).toEqual([]);
  });
});
