import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const talk = 'DorfFunk: digitale Nachbarschaftshilfe auf dem Land';

/*
 * An attendee's way through the programme, step by step on one page: find a talk by searching,
 * put it in the agenda with the keyboard, and find it again in "Mein Programm".
 */
describe('programme and personal agenda in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '..', '..', 'dist', 'web', 'index.html'))) {
      throw new Error('dist/web is missing: run `npm run build:web` before the browser tests');
    }
    app = await startTestApp({ seedDemo: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
        problems.push(message.text());
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs the attendee in and opens the programme', async () => {
    await page.goto(`${app?.baseUrl ?? ''}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('attendee@plenum.test');
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page
      .getByRole('navigation', { name: 'Bereiche der Veranstaltung' })
      .getByRole('link', { name: 'Programm', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Programm' }).waitFor();
    await page.getByRole('region', { name: 'Jetzt und gleich' }).waitFor();
  });

  it('finds a talk by searching for its topic', async () => {
    await page.getByLabel('Ansicht').selectOption('stage');
    await page.getByLabel('Suche nach Titel, Thema oder Person').fill('dorffunk');
    await page.getByText('1 Programmpunkt gefunden.').first().waitFor();
    await page.getByRole('link', { name: talk }).waitFor();
    // A speaker's name finds their talk too.
    await page.getByLabel('Suche nach Titel, Thema oder Person').fill('Tobias Klein');
    await page.getByRole('link', { name: talk }).waitFor();
  });

  it('adds the talk to the agenda with the keyboard', async () => {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: talk }) });
    const add = card.getByRole('button', { name: /Zu Mein Programm hinzufügen/ });
    // Record what the live region says: a later announcement (a refreshed result count) may
    // replace this one before a slow machine gets to look at it.
    await page.evaluate(() => {
      // Runs in the page; the test's own types have no DOM, so the little used is typed here.
      interface PageGlobals {
        document: { querySelector(selector: string): { textContent: string | null } | null };
        MutationObserver: new (callback: () => void) => {
          observe(target: unknown, options: Record<string, boolean>): void;
        };
        announced: string[];
      }
      const page = globalThis as unknown as PageGlobals;
      const region = page.document.querySelector('[role="status"][aria-live="polite"]');
      const said: string[] = [];
      page.announced = said;
      if (region) {
        new page.MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      }
    });
    await add.focus();
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: /Aus Mein Programm entfernen/ }).waitFor();
    await page.waitForFunction(() =>
      (globalThis as unknown as { announced: string[] }).announced.some((text) =>
        text.includes('ist jetzt in Mein Programm'),
      ),
    );
  });

  it('shows the talk in "Mein Programm", with the live panel one click from watching', async () => {
    await page
      .getByRole('navigation', { name: 'Bereiche der Veranstaltung' })
      .getByRole('link', { name: 'Mein Programm' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mein Programm' }).waitFor();
    await page.getByRole('link', { name: talk }).waitFor();
    await page
      .getByText(/Überschneidung/)
      .first()
      .waitFor();
    await page
      .getByRole('link', { name: /Jetzt live ansehen/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Podium: Gigabit/ }).waitFor();
    await page.getByText('Jetzt live', { exact: false }).first().waitFor();
  });

  it('opens a speaker page from the session page', async () => {
    await page.getByRole('link', { name: 'Paul Bauer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paul Bauer' }).waitFor();
    await page.getByRole('heading', { name: 'Programmpunkte' }).waitFor();
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
