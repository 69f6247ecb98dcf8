import { TokenVerifier } from 'livekit-server-sdk';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET } from '../support/fake-livekit';
import { FakeLiveKitSignal } from '../support/fake-livekit-signal';
import { CAPTION_TEXT, HlsStream } from '../support/hls-stream';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { assertWebAppBuilt, launchChromium, watchForFaults } from './browser';
import type { PageFaults } from './browser';

jest.setTimeout(120_000);

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`not met within ${timeoutMs} ms: ${String(condition)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/*
 * The stage's players in Debian's Chromium. No LiveKit server can run here: the HLS player
 * plays a stream the test makes and serves, and the LiveKit player is pointed at a stand-in
 * signalling server that keeps it waiting or refuses it (a connected room needs real media).
 */
describe('stage video in the web app', () => {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let roomService: FakeLiveKit | undefined;
  let signal: FakeLiveKitSignal | undefined;
  let stream: HlsStream | undefined;
  let eventId: string;
  let panelId: string;
  let talkId: string;
  let panelStageId: string;
  const faults: PageFaults[] = [];

  const signIn = async (email: string, options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser!.newContext({
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      ...options,
    });
    const page = await context.newPage();
    faults.push(watchForFaults(page));
    await page.goto(`${app!.baseUrl}/login`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill('plenum');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('region', { name: 'Lobby-Chat' }).waitFor();
    return page;
  };
  const sessionPath = (id: string) => `${app!.baseUrl}/e/digitale-staedte/sessions/${id}`;

  beforeAll(async () => {
    assertWebAppBuilt();
    roomService = new FakeLiveKit();
    const roomServiceUrl = await roomService.start();
    signal = new FakeLiveKitSignal();
    const signalUrl = await signal.listen();
    stream = new HlsStream();
    const streamUrl = await stream.listen();
    app = await startTestApp({
      seedDemo: true,
      env: { ...roomService.env(roomServiceUrl), LIVEKIT_URL: signalUrl },
    });
    const [panel] = await app.dataSource.query<
      Array<{ id: string; event_id: string; stage_id: string }>
    >(
      `SELECT id, event_id, stage_id FROM sessions WHERE kind = 'panel' AND state = 'live' LIMIT 1`,
    );
    const [talk] = await app.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM sessions WHERE kind IN ('talk', 'keynote') AND id <> $1 LIMIT 1`,
      [panel!.id],
    );
    panelId = panel!.id;
    eventId = panel!.event_id;
    talkId = talk!.id;
    panelStageId = panel!.stage_id;
    const organizer = new ApiClient(app.baseUrl);
    await organizer.login('organizer@plenum.test');
    const updated = await organizer.request(
      'PATCH',
      `/api/events/digitale-staedte/sessions/${talkId}`,
      { streamUrl },
    );
    expect(updated.status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await signal?.close();
    await stream?.close();
    await roomService?.stop();
  });

  afterEach(() => {
    for (const f of faults) {
      expect(f.cspViolations).toEqual([]);
      expect(f.pageErrors).toEqual([]);
    }
    faults.length = 0;
  });

  it('plays the external HLS stream with the subtitles it carries, after a clear error', async () => {
    const page = await signIn('attendee@plenum.test');
    await page.goto(sessionPath(talkId));
    const player = page.getByRole('region', { name: 'Livestream' });
    // The encoder has not started: the playlist is 404. The player says so and offers a retry.
    const problem = player.getByRole('alert');
    await problem.getByText(/Der Livestream kann gerade nicht abgespielt werden/).waitFor();
    expect(await player.getByRole('button', { name: /Untertitel/ }).count()).toBe(0);

    stream!.start();
    await problem.getByRole('button', { name: 'Erneut versuchen' }).click();
    await player.getByRole('status').filter({ hasText: 'Livestream läuft' }).waitFor();
    expect(await player.getByRole('alert').count()).toBe(0);
    // Played, not just loaded: the clock runs. (The test's own types have no DOM; the little
    // read from the page is typed where it is read.)
    const video = player.locator('video');
    for (let tries = 0; ; tries += 1) {
      const clock = await video.evaluate((v: { paused: boolean; currentTime: number }) => ({
        paused: v.paused,
        at: v.currentTime,
      }));
      if (!clock.paused && clock.at > 0.5) break;
      if (tries > 100) throw new Error(`the stream does not play: ${JSON.stringify(clock)}`);
      await page.waitForTimeout(100);
    }

    // The stream's WebVTT track becomes the caption line (voice tag stripped), with a switch.
    const caption = player.getByText(CAPTION_TEXT, { exact: true });
    await caption.waitFor();
    expect(await player.locator('[aria-live="polite"]').textContent()).toBe(CAPTION_TEXT);
    await player.getByRole('button', { name: 'Untertitel aus' }).click();
    await caption.waitFor({ state: 'hidden' });
    await player.getByRole('button', { name: 'Untertitel an' }).click();
    await caption.waitFor();
    // The browser does not draw the cues over the picture a second time.
    expect(
      await video.evaluate((v: { textTracks: ArrayLike<{ kind: string; mode: string }> }) =>
        Array.from(v.textTracks).map((t) => [t.kind, t.mode]),
      ),
    ).toContainEqual(['subtitles', 'hidden']);
    expect(stream!.requested).toEqual(expect.arrayContaining(['subs.vtt', 'audio0.mp3']));
  });

  it('asks for a subscribe-only token and says when the stage cannot be reached', async () => {
    signal!.hold();
    const page = await signIn('attendee@plenum.test');
    const minted = page.waitForResponse((r) => r.url().endsWith('/video/token'));
    await page.goto(sessionPath(panelId));
    const stage = page.getByRole('region', { name: 'Bühne' });
    await stage
      .getByRole('status')
      .filter({ hasText: 'Verbindung zur Bühne wird aufgebaut' })
      .waitFor();

    const response = await minted;
    expect(response.status()).toBe(200);
    const token = (await response.json()) as { token: string; canPublish: boolean; url: string };
    expect(token).toMatchObject({ canPublish: false, url: signal!.url });
    const claims = await new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET).verify(token.token);
    expect(claims.video).toMatchObject({
      room: `plenum:${eventId}:stage:${panelId}`,
      roomJoin: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
    });
    // The browser takes that token to LiveKit, and waits, saying so, while LiveKit is slow.
    await until(() => signal!.tokens.length === 1);
    expect(signal!.tokens[0]).toBe(token.token);
    expect(await stage.locator('video').count()).toBe(0);

    signal!.refuse();
    const problem = stage.getByRole('alert');
    await problem.getByText(/Die Bühne ist gerade nicht erreichbar/).waitFor();
    expect(await stage.getByRole('status').count()).toBe(0);
    expect(await stage.getByRole('button', { name: /Untertitel/ }).count()).toBe(0);

    // A retry asks the api for a token again and takes that one to LiveKit.
    signal!.hold();
    const again = page.waitForResponse((r) => r.url().endsWith('/video/token'));
    await problem.getByRole('button', { name: 'Erneut verbinden' }).click();
    const second = (await (await again).json()) as { token: string };
    await stage
      .getByRole('status')
      .filter({ hasText: 'Verbindung zur Bühne wird aufgebaut' })
      .waitFor();
    await until(() => signal!.tokens.length === 2);
    expect(signal!.tokens[1]).toBe(second.token);
  });

  it('loads the backstage room with its own chunk and says when LiveKit cannot be reached', async () => {
    signal!.refuse();
    const page = await signIn('moderator@plenum.test');
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // The sign-in and the lobby did without the video libraries (loaded before this point).
    const loaded = await page
      .locator('script[src], link[rel="modulepreload"]')
      .evaluateAll((nodes: Array<{ src?: string; href?: string }>) =>
        nodes.map((n) => n.src || n.href || ''),
      );
    expect(loaded.filter((src) => /livekit|stream-player|hls/.test(src))).toEqual([]);
    await page.goto(`${app!.baseUrl}/e/digitale-staedte/stages/${panelStageId}/backstage`);
    const room = page.getByRole('region', { name: 'Backstage-Raum' });
    await room.getByRole('heading', { name: 'Backstage-Raum', exact: true }).waitFor();
    await room.getByText('Das Video konnte nicht geladen werden.').waitFor();
    // The preview of the stage beside it is the same lazily loaded player as the audience's.
    await page
      .getByRole('region', { name: 'Bühne' })
      .getByRole('alert')
      .getByText(/Die Bühne ist gerade nicht erreichbar/)
      .waitFor();
    expect(scripts.some((path) => /\/backstage-room-[\w-]+\.js$/.test(path))).toBe(true);
    expect(scripts.some((path) => /\/livekit-client[\w.-]*\.js$/.test(path))).toBe(true);
    expect(scripts.some((path) => /\/stream-player-/.test(path))).toBe(false);
  });

  it('is usable on a phone: the stream, the questions and the chat, without sideways scrolling', async () => {
    stream!.start();
    const page = await signIn('attendee002@plenum.test', {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(sessionPath(talkId));
    const player = page.getByRole('region', { name: 'Livestream' });
    await player.getByRole('status').filter({ hasText: 'Livestream läuft' }).waitFor();
    const box = await player.locator('video').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    // Questions, polls and chat are tabs right under the video, not a long scroll below it.
    const tabs = page.getByRole('tablist', { name: 'Fragen, Umfragen und Chat' });
    const questions = page.getByRole('region', { name: 'Fragen', exact: true });
    const chat = page.getByRole('region', { name: 'Chat zur Session' });
    expect(
      await tabs.getByRole('tab', { name: 'Fragen', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    await questions.getByLabel('Ihre Frage').fill('Kommt die Präsentation online?');
    expect(await questions.getByRole('button', { name: 'Frage stellen' }).isEnabled()).toBe(true);
    expect(await chat.isVisible()).toBe(false);

    await tabs.getByRole('tab', { name: 'Chat' }).click();
    await chat.getByRole('textbox', { name: 'Ihre Nachricht' }).waitFor();
    expect(await questions.isVisible()).toBe(false);
    const tabsBox = await tabs.boundingBox();
    const chatBox = await chat.boundingBox();
    // The chat begins right under the tabs, on the screen, without scrolling down to it.
    expect(chatBox!.y - (tabsBox!.y + tabsBox!.height)).toBeLessThan(64);
    expect(chatBox!.y).toBeLessThan(844);
    // The keyboard moves between the tabs; the half-written question is still there.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(
      await tabs.getByRole('tab', { name: 'Fragen', exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(await questions.getByLabel('Ihre Frage').inputValue()).toBe(
      'Kommt die Präsentation online?',
    );

    const widths = await page
      .locator('html')
      .evaluate((html: { scrollWidth: number; clientWidth: number }) => ({
        scroll: html.scrollWidth,
        client: html.clientWidth,
      }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });
});
