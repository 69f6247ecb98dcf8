import type { BoothSummaryView, VideoToken } from '@plenum/contracts';
import type { Browser, Page } from 'playwright-core';
import { FakeLiveKit } from '../support/fake-livekit';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { decodeVideoToken } from '../support/video-fixture';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(90_000);

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/* An attendee finds a booth in the expo hall and shares their contact; the booth's staff see it. */
describe('the expo hall in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let livekit: FakeLiveKit | undefined;
  let booths: BoothSummaryView[] = [];
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
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    app = await startTestApp({
      seedDemo: true,
      // LiveKit is configured (tokens are minted), but no media server answers at its address:
      // a refused port, so the browser learns at once that it cannot connect.
      env: { ...livekit.env(apiUrl), LIVEKIT_URL: 'wss://127.0.0.1:9' },
    });
    const probe = new ApiClient(app.baseUrl);
    await probe.login('attendee@plenum.test');
    booths = (await probe.request<BoothSummaryView[]>('GET', '/api/events/digitale-staedte/booths'))
      .body;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await livekit?.stop();
  });

  /** The token a page fetches for the booth's video room, with its verified grants. */
  const boothToken = async (page: Page, boothId: string) => {
    const response = await page.waitForResponse(
      (r) => r.url().endsWith('/api/events/digitale-staedte/video/token') && r.status() === 200,
    );
    expect(response.request().postDataJSON()).toEqual({ room: { kind: 'booth', boothId } });
    const body = (await response.json()) as VideoToken;
    return { body, grants: await decodeVideoToken(body.token) };
  };

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

  it('lets the booth staff edit texts and the logo, which attendees then see, and explains a bad file', async () => {
    const booth = booths[0]!;
    const staff = await signIn('exhibitor@plenum.test');
    await staff.goto(`${app!.baseUrl}/e/digitale-staedte/expo/${booth.slug}`);
    await staff.getByRole('heading', { name: booth.organisation, level: 1 }).waitFor();
    await staff.getByRole('button', { name: 'Stand bearbeiten' }).click();
    const editor = staff.getByRole('region', { name: 'Stand bearbeiten' });
    await editor.waitFor();
    // Only organizers change the tier.
    expect(await editor.getByLabel('Standgröße').count()).toBe(0);

    await editor.getByLabel('Kurzbeschreibung').fill('Jetzt mit Sprechstunde für Kommunen');
    await editor
      .getByLabel('Beschreibung', { exact: true })
      .fill('**Neu:** offene Beratung <script>alert(1)</script>');
    // A link the server refuses: its message appears next to the field.
    await editor.getByRole('button', { name: 'Link hinzufügen' }).click();
    const links = await editor.getByLabel(/^Adresse von Link/).count();
    await editor.getByLabel(`Bezeichnung von Link ${links}`).fill('Skript');
    await editor.getByLabel(`Adresse von Link ${links}`).fill('javascript:alert(1)');
    await editor.getByRole('button', { name: 'Änderungen speichern' }).click();
    await editor.getByText('Use an http(s):// or mailto: address').first().waitFor();
    await editor.getByRole('button', { name: `Link ${links} entfernen` }).click();
    await editor.getByRole('button', { name: 'Änderungen speichern' }).click();
    await editor
      .getByRole('status')
      .filter({ hasText: 'Änderungen am Stand sind gespeichert' })
      .waitFor();
    // The preview is what the server rendered: Markdown applied, the script tag only text.
    const preview = editor.getByRole('region', { name: /Vorschau der gespeicherten Beschreibung/ });
    await preview.locator('strong', { hasText: 'Neu:' }).waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.textContent()).toContain('<script>alert(1)</script>');

    // Files: the wrong type is caught before uploading, a fake image by the server.
    const logo = editor.getByLabel('Neues Logo (Datei)');
    await logo.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: png });
    await editor.getByText('„notes.txt“ ist kein PNG-, JPEG- oder WebP-Bild.').first().waitFor();
    await logo.setInputFiles({
      name: 'fake.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a png'),
    });
    await editor.getByRole('button', { name: 'Logo hochladen' }).click();
    await editor
      .getByText(
        'Der Server hat die Datei abgelehnt: Ihr Inhalt ist kein Bild im angegebenen Format.',
      )
      .first()
      .waitFor();
    await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await editor.getByRole('button', { name: 'Logo hochladen' }).click();
    await editor.getByRole('status').filter({ hasText: 'Logo ist gespeichert.' }).waitFor();

    // A document: uploaded with a title, listed, deleted.
    await editor.getByLabel('Titel der Unterlage').fill('Preisliste 2026');
    await editor.getByLabel('Datei', { exact: true }).setInputFiles({
      name: 'preise.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await editor.getByRole('button', { name: 'Unterlage hochladen' }).click();
    await editor
      .getByRole('status')
      .filter({ hasText: '„Preisliste 2026“ ist hochgeladen.' })
      .waitFor();
    await editor.getByRole('button', { name: '„Preisliste 2026“ umbenennen' }).click();
    await editor.getByLabel('Neuer Titel für „Preisliste 2026“').fill('Preise 2026');
    await editor.getByRole('button', { name: 'Titel speichern' }).click();
    await editor
      .getByRole('status')
      .filter({ hasText: 'Die Unterlage heißt jetzt „Preise 2026“.' })
      .waitFor();
    await editor.getByRole('button', { name: '„Preise 2026“ löschen' }).click();
    await editor.getByRole('status').filter({ hasText: '„Preise 2026“ ist gelöscht.' }).waitFor();

    // An attendee sees the new texts and the new logo.
    const attendee = await signIn('attendee003@plenum.test');
    await attendee.goto(`${app!.baseUrl}/e/digitale-staedte/expo/${booth.slug}`);
    await attendee.getByText('Jetzt mit Sprechstunde für Kommunen').waitFor();
    await attendee.locator('.prose strong', { hasText: 'Neu:' }).waitFor();
    const shown = attendee.locator('img.booth-logo');
    await shown.waitFor();
    // The uploaded 1×1 PNG itself arrived (runs in the page; the test's types have no DOM).
    await attendee.waitForFunction(() => {
      type Img = { complete: boolean; naturalWidth: number };
      const page = globalThis as unknown as { document: { querySelector(s: string): Img | null } };
      const img = page.document.querySelector('img.booth-logo');
      return img !== null && img.complete && img.naturalWidth === 1;
    });
    expect(await attendee.getByRole('button', { name: 'Stand bearbeiten' }).count()).toBe(0);

    // The same staff member, on a booth they do not staff, is offered no edit controls.
    const other = booths[1]!;
    await staff.goto(`${app!.baseUrl}/e/digitale-staedte/expo/${other.slug}`);
    await staff.getByRole('heading', { name: other.organisation, level: 1 }).waitFor();
    await staff.getByRole('region', { name: 'Stand-Chat' }).waitFor();
    expect(await staff.getByRole('button', { name: 'Stand bearbeiten' }).count()).toBe(0);
    expect(await staff.getByRole('heading', { name: 'Gesprächsanfragen' }).count()).toBe(0);
    expect(await staff.getByRole('table', { name: 'Kontakte (Leads)' }).count()).toBe(0);
  });

  it('lets organizers invite staff for one booth', async () => {
    const booth = booths[2]!;
    const organizer = await signIn('organizer@plenum.test');
    await organizer.goto(`${app!.baseUrl}/e/digitale-staedte/expo/${booth.slug}`);
    await organizer.getByRole('button', { name: 'Stand bearbeiten' }).click();
    const editor = organizer.getByRole('region', { name: 'Stand bearbeiten' });
    await editor.getByLabel('Standgröße').waitFor();
    const staff = editor.getByRole('region', { name: 'Standpersonal' });
    await staff.getByText('Dieser Stand hat noch kein Personal.').waitFor();
    await staff.getByLabel('E-Mail-Adresse').fill('standdienst@example.org');
    await staff.getByLabel('Name').fill('Sam Standdienst');
    await staff.getByRole('button', { name: 'Einladen' }).click();
    await staff.getByLabel('Einladungslink').waitFor();
    await staff.getByRole('listitem').filter({ hasText: 'Sam Standdienst' }).waitFor();
    const [membership] = await app!.dataSource.query<Array<{ role: string; booth_id: string }>>(
      `SELECT m.role, m.booth_id FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE u.email = 'standdienst@example.org'`,
    );
    expect(membership).toEqual({ role: 'exhibitor', booth_id: booth.id });
  });

  it('brings visitor and staff into the booth room in the page once the staff accepts', async () => {
    const booth = booths[0]!;
    const staff = await signIn('exhibitor2@plenum.test');
    await staff.goto(`${app!.baseUrl}/e/digitale-staedte/expo/${booth.slug}`);
    await staff.getByRole('heading', { name: 'Gesprächsanfragen' }).waitFor();

    const visitor = await signIn('attendee002@plenum.test');
    await visitor.goto(`${app!.baseUrl}/e/digitale-staedte/expo/${booth.slug}`);
    await visitor.getByRole('button', { name: 'Videogespräch anfragen' }).click();
    await visitor.getByText('Platz 1 in der Warteschlange', { exact: false }).waitFor();
    // Before acceptance no call view and no token.
    expect(await visitor.getByRole('region', { name: /^Videogespräch/ }).count()).toBe(0);

    const staffToken = boothToken(staff, booth.id);
    const visitorToken = boothToken(visitor, booth.id);
    await staff.getByRole('button', { name: 'Nächste Person annehmen' }).click();

    // Both pages show the call and fetched a token for the same booth room, with their grants.
    const staffCall = staff.getByRole('region', { name: /^Videogespräch mit / });
    const visitorCall = visitor.getByRole('region', { name: 'Videogespräch' });
    await staffCall.waitFor();
    await visitorCall.waitFor();
    const s = await staffToken;
    const v = await visitorToken;
    expect(v.body.room).toBe(s.body.room);
    expect(v.body.room).toMatch(new RegExp(`:booth:${booth.id}$`));
    expect(v.grants.video).toMatchObject({ room: v.body.room, roomJoin: true, canPublish: true });
    expect(v.grants.video?.roomAdmin).toBeFalsy();
    expect(v.body.part).toBe('visitor');
    expect(s.grants.video).toMatchObject({ room: s.body.room, canPublish: true, roomAdmin: true });
    expect(s.body.part).toBe('staff');

    // No media server answers here: both say so plainly and keep hang-up at hand.
    const cannot = 'Die Verbindung zum Videoraum ist nicht möglich.';
    await visitorCall.getByText(cannot, { exact: false }).waitFor();
    await staffCall.getByText(cannot, { exact: false }).waitFor();
    await visitorCall.getByRole('button', { name: 'Erneut verbinden' }).waitFor();

    // The visitor hangs up: the conversation ends through the api and the staff is told.
    await visitorCall.getByRole('button', { name: 'Auflegen' }).click();
    await visitor.getByText('Das Gespräch ist beendet.').waitFor();
    expect(await visitor.getByRole('region', { name: 'Videogespräch' }).count()).toBe(0);
    await staff.getByText('Ihr Gegenüber hat das Gespräch beendet.').waitFor();
    await staffCall.waitFor({ state: 'detached' });
    const [row] = await app!.dataSource.query<Array<{ state: string }>>(
      `SELECT c.state FROM booth_conversations c JOIN users u ON u.id = c.visitor_id
       WHERE u.email = 'attendee002@plenum.test'`,
    );
    expect(row?.state).toBe('ended');

    expect(faults.flatMap((f) => [...f.cspViolations, ...f.pageErrors])).toEqual([]);
  });
});
