import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt } from './browser';

jest.setTimeout(90_000);

/*
 * The live panel of the demo congress: an attendee asks, the moderator approves the question
 * and puts it on screen, another attendee upvotes it, and the projector display shows it.
 */
describe('panel Q&A in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let stagePath: string;
  const problems: string[] = [];

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser!.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
        problems.push(message.text());
      }
    });
    await page.goto(`${app!.baseUrl}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('region', { name: 'Lobby-Chat' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    assertWebAppBuilt();
    app = await startTestApp({ seedDemo: true });
    const [panel] = await app.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM sessions WHERE kind = 'panel' AND state = 'live' LIMIT 1`,
    );
    stagePath = `${app.baseUrl}/e/digitale-staedte/sessions/${panel!.id}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('goes from a question to the projector: ask, approve, on screen, upvote, display', async () => {
    const text = 'Wie sichern wir den Glasfaserausbau im ländlichen Raum?';
    const asker = await signIn('attendee@plenum.test');
    await asker.goto(stagePath);
    const askerQa = asker.getByRole('region', { name: 'Fragen' });
    await askerQa.getByLabel('Ihre Frage').fill(text);
    await askerQa.getByRole('button', { name: 'Frage stellen' }).click();
    // The asker sees their own question while it waits; nobody else in the audience does.
    await askerQa
      .getByRole('listitem')
      .filter({ hasText: text })
      .getByText(/Wartet auf Freigabe/)
      .waitFor();

    const moderator = await signIn('moderator@plenum.test');
    const display = await moderator.context().newPage();
    await display.goto(`${stagePath}/display`);
    await display.locator('blockquote').waitFor();
    expect(await display.locator('blockquote').textContent()).not.toBe(text);

    await moderator.goto(stagePath);
    const modQa = moderator.getByRole('region', { name: 'Fragen' });
    const queued = modQa.getByRole('listitem').filter({ hasText: text });
    await queued.getByText('Alex Teilnehmerin').waitFor();
    await queued.getByRole('button', { name: 'Freigeben' }).click();
    const approved = modQa
      .getByRole('listitem')
      .filter({ hasText: text })
      .filter({
        has: moderator.getByRole('button', { name: 'Auf den Bildschirm' }),
      });
    await approved.getByRole('button', { name: 'Auf den Bildschirm' }).click();
    // One question on screen at a time: the demo's earlier one gave way to this one.
    await modQa
      .getByRole('listitem')
      .filter({ hasText: text })
      .getByRole('button', { name: 'Vom Bildschirm nehmen' })
      .waitFor();
    expect(await modQa.getByRole('button', { name: 'Vom Bildschirm nehmen' }).count()).toBe(1);

    // The display follows live, in large type, with the asker's name (not anonymous).
    await display.locator('blockquote', { hasText: text }).waitFor();
    expect(await display.locator('figcaption').textContent()).toBe('Alex Teilnehmerin');

    const voter = await signIn('attendee002@plenum.test');
    await voter.goto(stagePath);
    const vote = voter
      .getByRole('region', { name: 'Fragen' })
      .getByRole('button', { name: `Frage unterstützen: ${text}` });
    await vote.click();
    await voter
      .getByRole('region', { name: 'Fragen' })
      .locator('button[aria-pressed="true"]', { hasText: '1' })
      .waitFor();
    expect(await vote.textContent()).toContain('1');
    // The asker's page shows the question approved, on screen, with the vote counted.
    const mine = askerQa.getByRole('listitem').filter({ hasText: text });
    await mine.getByText(/Jetzt auf dem Bildschirm/).waitFor();
    await mine
      .getByRole('button', { name: `Frage unterstützen: ${text}` })
      .filter({ hasText: '1' })
      .waitFor();

    const [row] = await app!.dataSource.query<Array<{ vote_count: number; on_screen: boolean }>>(
      `SELECT vote_count, on_screen FROM questions WHERE body = $1`,
      [text],
    );
    expect(row).toEqual({ vote_count: 1, on_screen: true });
    expect(problems).toEqual([]);
  });
});
