import type { Browser, BrowserContext, Page } from 'playwright-core';
import { invitationToken } from '@plenum/identity';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(60_000);

const eventTitle = 'Digitale Städte – Digitale Regionen';
const newTitle = 'Digitale Städte 2026';
const invitee = 'neue.referentin@example.org';
// A 1×1 PNG: the api checks the file's signature, not just the declared type.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/*
 * An organizer's session from sign-in to a new speaker's first visit, step by step: the tests
 * share a page and run in order, each starting where the previous one left off.
 */
describe('the organizers’ administration', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let faults: PageFaults;
  let inviteUrl = '';

  const baseUrl = () => app?.baseUrl ?? '';
  const areas = () => page.getByRole('navigation', { name: 'Bereiche der Veranstaltung' });

  async function signIn(email: string): Promise<void> {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await areas().waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/login');
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

  it('shows an organizer the Verwaltung entry and opens the page from it', async () => {
    await signIn('organizer@plenum.test');
    await page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();

    await areas().getByRole('link', { name: 'Verwaltung' }).click();

    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    expect(page.url()).toMatch(/\/e\/[a-z0-9-]+\/admin$/);
    expect(
      await areas().getByRole('link', { name: 'Verwaltung' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(eventTitle);
  });

  it('refuses an end before the start before asking the server', async () => {
    await page.getByLabel('Erster Tag').fill('2026-06-10');
    await page.getByLabel('Letzter Tag').fill('2026-06-09');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' });
    await summary
      .getByRole('link', { name: 'Der letzte Tag darf nicht vor dem ersten Tag liegen.' })
      .waitFor();
    expect(await page.getByLabel('Letzter Tag').getAttribute('aria-invalid')).toBe('true');
  });

  it('saves a new title, and the event shows it everywhere', async () => {
    await page.getByLabel('Letzter Tag').fill('2026-06-11');
    await page.getByLabel('Titel', { exact: true }).fill(newTitle);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: 'Die Änderungen sind gespeichert.' })
      .waitFor();
    await areas().getByText(newTitle, { exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);

    await areas().getByRole('link', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    await areas().getByRole('link', { name: 'Verwaltung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
  });

  it('checks a logo file before uploading and shows the uploaded logo', async () => {
    const file = page.getByLabel('Neues Logo');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: png });
    await page.getByText('„notes.txt“ ist kein PNG-, JPEG- oder WebP-Bild.').first().waitFor();

    await file.setInputFiles({
      name: 'fake.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a png'),
    });
    await page.getByRole('button', { name: 'Logo hochladen' }).click();
    await page
      .getByText('Die Datei ist kein gültiges Bild im angegebenen Format.')
      .first()
      .waitFor();

    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Logo hochladen' }).click();
    await page.getByRole('status').filter({ hasText: 'Das neue Logo ist gespeichert.' }).waitFor();
    await page.getByRole('img', { name: `Logo: ${newTitle}` }).waitFor();
  });

  it('invites a speaker and shows the invitation link', async () => {
    const members = page.getByRole('table');
    const search = page.getByLabel('Name oder E-Mail-Adresse suchen');
    await members.getByRole('row').first().waitFor();
    await search.fill('neue.referentin');
    await page.getByText('Niemand passt zu dieser Suche.').waitFor();

    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(invitee);
    await page.getByLabel('Name', { exact: true }).fill('Neue Referentin');
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Referent/in' });
    await page.getByRole('button', { name: 'Einladen', exact: true }).click();

    await page.getByRole('heading', { name: 'Einladung erstellt' }).waitFor();
    await page.getByText(`Die E-Mail an ${invitee} steht in der Warteschlange`).waitFor();
    inviteUrl = await page.getByLabel('Einladungslink').inputValue();
    expect(inviteUrl).toMatch(/\/invite#[^/]+$/);

    // The list reloads behind the search that is still typed in.
    await members.locator('caption').filter({ hasText: '1 Mitglied der Veranstaltung' }).waitFor();
    const row = members.getByRole('row').filter({ hasText: invitee });
    expect(await row.getByRole('cell', { name: 'Referent/in', exact: true }).count()).toBe(1);
    await search.fill('');
  });

  it('pages through a long member list and filters it by role', async () => {
    await page.getByText(/^50 von \d+ werden angezeigt\.$/).waitFor();
    await page.getByRole('button', { name: '50 weitere anzeigen' }).waitFor();

    await page.getByLabel('Rolle anzeigen').selectOption({ label: 'Referent/in' });

    const members = page.getByRole('table');
    await members.locator('caption').filter({ hasText: 'mit der Rolle Referent/in' }).waitFor();
    const roles = await members.locator('tbody .member-role').allTextContents();
    expect(roles.length).toBeGreaterThan(0);
    expect(new Set(roles)).toEqual(new Set(['Referent/in']));
  });

  it('lets the invited speaker set a password and arrive signed in at the event', async () => {
    await signOut();
    // The api builds the link from its configured public address; this test app listens elsewhere.
    await page.goto(`${baseUrl()}${new URL(inviteUrl).pathname}${new URL(inviteUrl).hash}`);
    await page.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    await page.getByLabel('Neues Passwort').fill('sicheres-passwort');
    await page.getByLabel('Passwort wiederholen').fill('sicheres-passwort');
    await page.getByRole('button', { name: 'Passwort festlegen' }).click();

    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    expect(page.url()).toMatch(/\/e\/[a-z0-9-]+$/);
    await page.getByRole('banner').getByText('Neue Referentin').waitFor();
  });

  it('invites an existing account by its address only, without a link for the inviter', async () => {
    await signOut();
    await signIn('organizer@plenum.test');
    await areas().getByRole('link', { name: 'Verwaltung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();

    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('attendee@plenum.test');
    await page.getByLabel('Name', { exact: true }).fill('Wer auch immer');
    await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Moderation' });
    await page.getByRole('button', { name: 'Einladen', exact: true }).click();

    await page.getByText('Für attendee@plenum.test gibt es schon ein Konto').waitFor();
    expect(await page.getByLabel('Einladungslink').count()).toBe(0);
    const pending = page.locator('.pending-invitations');
    await pending.getByText('attendee@plenum.test').waitFor();
    expect(await pending.getByText('Alex Teilnehmerin').count()).toBe(0);
    await page
      .getByRole('button', { name: 'Einladung an attendee@plenum.test zurückziehen' })
      .waitFor();
  });

  it('lets the owner sign in from the e-mail link and accept, never setting a password', async () => {
    const [invitation] = await app!.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM invitations WHERE email = 'attendee@plenum.test' ORDER BY created_at DESC LIMIT 1`,
    );
    const token = invitationToken(app!.config.authSecret, invitation!.id);
    await signOut();

    await page.goto(`${baseUrl()}/invite#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    await page.getByText('Für attendee@plenum.test gibt es schon ein Konto.').waitFor();
    expect(await page.getByLabel('Neues Passwort').count()).toBe(0);
    await page.getByRole('link', { name: 'Anmelden und annehmen' }).click();

    await page.waitForURL('**/login');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('attendee@plenum.test');
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();

    await page.getByText('Sie sind angemeldet als attendee@plenum.test.').waitFor();
    await page.getByRole('button', { name: 'Einladung annehmen' }).click();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    const roles = await app!.dataSource.query<Array<{ role: string }>>(
      `SELECT m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE u.email = 'attendee@plenum.test' ORDER BY m.role`,
    );
    expect(roles.map((r) => r.role).sort()).toEqual(['attendee', 'moderator']);
  });

  it('keeps the administration from an attendee', async () => {
    await signOut();
    await signIn('attendee@plenum.test');
    const slug = new URL(page.url()).pathname.split('/')[2] ?? '';

    await page.goto(`${baseUrl()}/e/${slug}/admin`);

    await page.getByRole('heading', { level: 1, name: 'Kein Zugriff' }).waitFor();
    expect(await areas().getByRole('link', { name: 'Verwaltung' }).count()).toBe(0);
    expect(await page.getByLabel('Titel', { exact: true }).count()).toBe(0);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(faults.pageErrors).toEqual([]);
    expect(faults.cspViolations).toEqual([]);
  });
});
