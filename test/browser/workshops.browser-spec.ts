import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { demoSessions } from '@plenum/demo';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(90_000);

/*
 * Two attendees and the last seat of a workshop, each in a browser of their own: the first takes
 * it, the second lands on the waitlist, the first cancels and the second has the seat.
 */
describe('workshop registration in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const faults: PageFaults[] = [];
  const title = demoSessions.find((s) => s.key === 'ws-ehrenamt')!.title;

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser!.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    faults.push(watchForFaults(page));
    await page.goto(`${app!.baseUrl}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${app!.baseUrl}/e/digitale-staedte/workshops`);
    return page;
  };
  const card = (page: Page) => page.getByRole('listitem').filter({ hasText: title });

  beforeAll(async () => {
    assertWebAppBuilt();
    app = await startTestApp({ seedDemo: true });
    // 18 are confirmed in the demo: with 19 seats, one is left.
    await app.dataSource.query(
      `UPDATE sessions SET capacity = 19, starts_at = now() + interval '1 day',
         ends_at = now() + interval '1 day 90 minutes', state = 'scheduled' WHERE title = $1`,
      [title],
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('hands the last seat on when its holder cancels', async () => {
    const first = await signIn('attendee005@plenum.test');
    const second = await signIn('attendee006@plenum.test');
    await card(first).getByText('Noch 1 Platz frei').waitFor();
    await card(second).getByText('Noch 1 Platz frei').waitFor();

    await card(first).getByRole('button', { name: 'Anmelden' }).click();
    await card(first).getByText('Sie haben einen Platz.').waitFor();
    // The second browser learns live that the workshop is now full.
    await card(second).getByText('Ausgebucht').waitFor();

    await card(second).getByRole('button', { name: 'Auf die Warteliste' }).click();
    await card(second).getByText('Sie stehen auf der Warteliste, Position 1.').waitFor();
    await card(first).getByText('1 auf der Warteliste').waitFor();

    await card(first).getByRole('button', { name: 'Abmelden' }).click();
    await card(first).getByRole('button', { name: 'Auf die Warteliste' }).waitFor();
    await card(second).getByText('Sie haben einen Platz.').waitFor();
    await card(second).getByRole('link', { name: 'Zum Workshop-Raum' }).waitFor();

    expect(faults.flatMap((f) => [...f.cspViolations, ...f.pageErrors])).toEqual([]);
  });

  it('shows the organizer the registrations and downloads them as CSV', async () => {
    const [{ id } = { id: '' }] = await app!.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM sessions WHERE title = $1`,
      [title],
    );
    const organizer = await signIn('organizer@plenum.test');
    await organizer.goto(`${app!.baseUrl}/e/digitale-staedte/workshops/${id}`);
    const list = organizer.getByRole('region', { name: 'Anmeldungen' });
    const row = (email: string) => list.getByRole('row').filter({ hasText: email });
    await row('attendee006@plenum.test').getByText('Platz bestätigt').waitFor();
    await row('attendee005@plenum.test').getByText('Abgemeldet').waitFor();

    const download = organizer.waitForEvent('download');
    await list.getByRole('button', { name: 'Als CSV herunterladen' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`workshop-${id}.csv`);
    const lines = readFileSync(await file.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('status,position,name,email,confirmed_at,cancelled_at');
    // 18 demo seats, the one handed on above, and the cancellation.
    expect(lines.filter((l) => l.startsWith('confirmed,'))).toHaveLength(19);
    expect(lines.find((l) => l.includes('attendee006@plenum.test'))).toMatch(/^confirmed,,/);
    expect(lines.find((l) => l.includes('attendee005@plenum.test'))).toMatch(/^cancelled,,/);

    expect(faults.flatMap((f) => [...f.cspViolations, ...f.pageErrors])).toEqual([]);
  });
});
