import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { startSmtp, startWorker } from '../integration/reminders/reminders-fixture';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(90_000);

const person = 'attendee009@plenum.test';
// The demo's attendees belong to one event; signed in, the start page opens it.
const eventTitle = 'Digitale Städte – Digitale Regionen';

/*
 * "Passwort vergessen" from the sign-in page to a new password, through a real SMTP server and
 * the built worker, then the signed-in devices in "Meine Daten" and a sign-in by e-mail link.
 * The tests share a page and run in order, as one person's visit.
 */
describe('password reset and sign-in by e-mail link in the web app', () => {
  let app: TestApp | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  let worker: RunningProcess | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let faults: PageFaults;

  beforeAll(async () => {
    assertWebAppBuilt();
    smtp = await startSmtp();
    app = await startTestApp({ seedDemo: true });
    worker = startWorker(app, smtp.port);
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await context.newPage();
    faults = watchForFaults(page);
  });

  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await browser?.close();
    await app?.close();
    await smtp?.close();
  });

  async function linkFromMail(count: number, path: string): Promise<string> {
    expect(await waitFor(() => smtp!.mails.filter((m) => m.to === person).length >= count)).toBe(
      true,
    );
    const mail = smtp!.mails.filter((m) => m.to === person)[count - 1]!;
    const token = new RegExp(`/${path}#([A-Za-z0-9_-]+)`).exec(mail.text)?.[1];
    expect(token).toBeDefined();
    return `${app!.baseUrl}/${path}#${token}`;
  }

  it('asks for a reset link from the sign-in page', async () => {
    await page.goto(`${app!.baseUrl}/login`);
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Passwort vergessen' }).waitFor();

    await page.getByRole('button', { name: 'Link senden' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Bitte geben Sie Ihre E-Mail-Adresse ein.' })
      .waitFor();

    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(person);
    await page.getByRole('button', { name: 'Link senden' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Wenn es für ${person} ein Konto gibt` })
      .waitFor();
  });

  it('sets a new password with the link from the e-mail and is signed in', async () => {
    const link = await linkFromMail(1, 'reset-password');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Neues Passwort festlegen' }).waitFor();

    await page.getByLabel('Neues Passwort').fill('ein-neues-passwort');
    await page.getByLabel('Passwort wiederholen').fill('ein-anderes-passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Die beiden Passwörter stimmen nicht überein.' })
      .waitFor();

    await page.getByLabel('Passwort wiederholen').fill('ein-neues-passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();

    // The link worked once: opened again, it says so and offers a new one.
    await page.goto(link);
    await page.getByLabel('Neues Passwort').fill('noch-ein-passwort');
    await page.getByLabel('Passwort wiederholen').fill('noch-ein-passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dieser Link ist ungültig' }).waitFor();
    await page.getByRole('link', { name: 'Neuen Link anfordern' }).waitFor();
  });

  it('lists the devices in "Meine Daten", signs one out, then everywhere', async () => {
    // Two more sign-ins of the same person, from elsewhere.
    for (const agent of ['Telefon/1.0', 'Tablet/2.0']) {
      const res = await fetch(`${app!.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': agent },
        body: JSON.stringify({ email: person, password: 'ein-neues-passwort' }),
      });
      expect(res.status).toBe(200);
    }
    await page.goto(`${app!.baseUrl}/my-data`);
    const section = page.getByRole('region', { name: 'Angemeldete Geräte' });
    await section.getByText('Dieses Gerät').waitFor();
    await section.getByText('Telefon/1.0').waitFor();
    expect(await section.getByRole('listitem').count()).toBe(3);

    await section.getByRole('button', { name: 'Telefon/1.0 abmelden' }).click();
    await section.getByRole('listitem').filter({ hasText: 'Telefon/1.0' }).waitFor({
      state: 'detached',
    });
    // The pressed button went with its row; focus is on the section's heading, not lost.
    const heading = section.getByRole('heading', { name: 'Angemeldete Geräte' });
    expect(
      await heading.evaluate(
        (h: { ownerDocument: { activeElement: unknown } }) => h.ownerDocument.activeElement === h,
      ),
    ).toBe(true);
    expect(await section.getByRole('listitem').count()).toBe(2);

    await section.getByRole('button', { name: 'Überall abmelden' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  });

  it('signs in with the new password', async () => {
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(person);
    await page.getByLabel('Passwort', { exact: true }).fill('ein-neues-passwort');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // Back where the sign-out everywhere left off, with this one sign-in listed.
    await page.getByRole('heading', { level: 1, name: 'Meine Daten' }).waitFor();
    const section = page.getByRole('region', { name: 'Angemeldete Geräte' });
    await section.getByText('Dieses Gerät').waitFor();
    expect(await section.getByRole('listitem').count()).toBe(1);
    await page.getByRole('banner').getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/login');
  });

  it('signs in by a link from an e-mail, on a click', async () => {
    await page.getByRole('link', { name: 'Anmelde-Link per E-Mail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelde-Link per E-Mail' }).waitFor();
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(person);
    await page.getByRole('button', { name: 'Link senden' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'ist eine E-Mail mit dem Link unterwegs' })
      .waitFor();

    await page.goto(await linkFromMail(2, 'sign-in-link'));
    await page.getByRole('button', { name: 'Jetzt anmelden' }).click();
    await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(faults.pageErrors).toEqual([]);
    expect(faults.cspViolations).toEqual([]);
  });
});
