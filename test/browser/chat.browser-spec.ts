import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/*
 * An attendee and a moderator in the lobby chat of the demo congress, each in a browser of
 * their own, step by step.
 */
describe('the lobby chat in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let attendee: Page;
  let moderator: Page;
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
    if (!existsSync(join(__dirname, '..', '..', 'dist', 'web', 'index.html'))) {
      throw new Error('dist/web is missing: run `npm run build:web` before the browser tests');
    }
    app = await startTestApp({ seedDemo: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    attendee = await signIn('attendee@plenum.test');
    moderator = await signIn('moderator@plenum.test');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a message as text, with its link clickable, to everyone in the room', async () => {
    const text = '<b>Hallo</b> @Moritz, siehe https://example.org/programm';
    const input = attendee.getByLabel('Ihre Nachricht');
    await input.fill(text);
    await attendee.getByRole('button', { name: 'Senden' }).click();

    const log = moderator.getByRole('region', { name: 'Nachrichten' });
    const item = log.getByRole('listitem').filter({ hasText: '<b>Hallo</b>' });
    await item.waitFor();
    expect(await item.locator('b').count()).toBe(0);
    const link = item.getByRole('link', { name: 'https://example.org/programm' });
    expect(await link.getAttribute('href')).toBe('https://example.org/programm');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await item.locator('mark', { hasText: '@Moritz' }).waitFor();
    // The moderator is Moritz: the live region reads the new message out.
    expect(await moderator.locator('[aria-live="polite"]').allTextContents()).toContain(
      `Alex Teilnehmerin: ${text}`,
    );
    expect(await input.inputValue()).toBe('');
  });

  it('lets the moderator remove it with a reason, leaving a tombstone for everyone', async () => {
    const item = moderator
      .getByRole('region', { name: 'Nachrichten' })
      .getByRole('listitem')
      .filter({ hasText: '<b>Hallo</b>' });
    await item
      .locator('summary', { hasText: 'Moderieren: Nachricht von Alex Teilnehmerin' })
      .click();
    await item.getByLabel('Grund').fill('Test der Moderation');
    await item.getByRole('button', { name: 'Nachricht entfernen' }).click();

    await attendee
      .getByText('Nachricht von der Moderation entfernt (Test der Moderation).')
      .waitFor();
    expect(await attendee.getByText('<b>Hallo</b>', { exact: false }).count()).toBe(0);
  });

  it('tells a muted attendee so and closes the message field', async () => {
    await attendee.getByLabel('Ihre Nachricht').fill('Noch eine Frage');
    await attendee.getByRole('button', { name: 'Senden' }).click();
    const item = moderator
      .getByRole('region', { name: 'Nachrichten' })
      .getByRole('listitem')
      .filter({ hasText: 'Noch eine Frage' });
    await item
      .locator('summary', { hasText: 'Moderieren: Nachricht von Alex Teilnehmerin' })
      .click();
    await item.getByLabel('Grund').fill('Pause');
    await item.getByRole('button', { name: 'Person stummschalten' }).click();

    await attendee.getByText(/Die Moderation hat Sie bis .* stummgeschaltet: Pause\./).waitFor();
    expect(await attendee.getByLabel('Ihre Nachricht').isDisabled()).toBe(true);
  });

  it('tells someone taken out of the event why, and closes the message field', async () => {
    const leaving = await signIn('attendee002@plenum.test');
    await leaving.getByRole('region', { name: 'Nachrichten' }).waitFor();
    const [membership] = await app!.dataSource.query<Array<{ id: string }>>(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE u.email = 'attendee002@plenum.test'`,
    );
    const organizer = new ApiClient(app!.baseUrl);
    await organizer.login('organizer@plenum.test');
    const removed = await organizer.request(
      'DELETE',
      `/api/events/digitale-staedte/members/${membership!.id}`,
    );
    expect(removed.status).toBe(204);

    await leaving
      .getByRole('alert')
      .filter({
        hasText:
          'Sie sind nicht mehr in diesem Chat: Ihre Rolle in dieser Veranstaltung wurde geändert.',
      })
      .waitFor();
    expect(await leaving.getByLabel('Ihre Nachricht').isDisabled()).toBe(true);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
