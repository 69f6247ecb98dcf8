import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EgressStatus, WebhookEvent } from 'livekit-server-sdk';
import type { RecordingControl, SessionOnDemand } from '@plenum/contracts';
import { FakeLiveKit } from '../../support/fake-livekit';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress, signWebhook } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const prefix = 'plenum-recordings/';

/** The first bytes of an MP4 file (an `ftyp` box), then filler a player would read as media. */
function mp4(bytes = 4096): Buffer {
  const head = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypmp42'), 0, 0, 0, 0]);
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 7)]);
}

interface FieldErrors {
  code: string;
  details?: { fields?: Array<{ path: string; message: string }> };
}

describe('Recordings: egress start and stop, webhooks attach the file, uploads and links', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  let fileDir: string;
  let sessionId: string;
  let moderator: ApiClient;
  let organizer: ApiClient;
  let attendee: ApiClient;
  let webhookCount = 0;

  beforeAll(async () => {
    fileDir = await mkdtemp(join(tmpdir(), 'plenum-egress-'));
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    app = await startTestApp({
      seedDemo: true,
      env: { ...livekit.env(apiUrl), RECORDINGS_FILE_DIR: fileDir, RECORDINGS_FILE_PREFIX: prefix },
    });
    demo = await demoCongress(app.dataSource);
    sessionId = demo.sessions['panel-verwaltung']!;
    // The demo may have attached recordings already; this suite starts from none.
    await app.dataSource.query(`DELETE FROM recordings WHERE session_id = $1`, [sessionId]);
    moderator = new ApiClient(app.baseUrl);
    organizer = new ApiClient(app.baseUrl);
    attendee = new ApiClient(app.baseUrl);
    await Promise.all([
      moderator.login('moderator@plenum.test'),
      organizer.login('organizer@plenum.test'),
      attendee.login('attendee@plenum.test'),
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
    await rm(fileDir, { recursive: true, force: true });
  });

  const base = () => `/api/events/${slug}/sessions/${sessionId}/recordings`;

  async function egressWebhook(
    event: string,
    egressId: string,
    status: EgressStatus,
    file?: { filename: string; seconds: number; size: number },
  ) {
    webhookCount++;
    const message = new WebhookEvent({
      id: `EV_egress${webhookCount}`,
      createdAt: BigInt(Math.floor(Date.now() / 1000)),
      egressInfo: {
        egressId,
        roomName: `plenum:${demo.eventId}:stage:${sessionId}`,
        status,
        startedAt: BigInt(Date.now() - 60_000) * 1_000_000n,
        endedAt: file ? BigInt(Date.now()) * 1_000_000n : 0n,
        fileResults: file
          ? [
              {
                filename: file.filename,
                duration: BigInt(file.seconds) * 1_000_000_000n,
                size: BigInt(file.size),
                location: `/out/${file.filename}`,
              },
            ]
          : [],
      },
    });
    message.event = event as WebhookEvent['event'];
    const body = message.toJsonString();
    const res = await new ApiClient(app.baseUrl).request<{ outcome: string }>(
      'POST',
      '/api/livekit/webhook',
      body,
      { 'content-type': 'application/webhook+json', authorization: await signWebhook(body) },
    );
    expect(res.status).toBe(200);
    return res.body.outcome;
  }

  it('refuses attendees: they cannot see, start or stop a recording', async () => {
    expect((await attendee.request('GET', base())).status).toBe(403);
    expect((await attendee.request('POST', `${base()}/start`)).status).toBe(403);
    expect((await attendee.request('POST', `${base()}/stop`)).status).toBe(403);
    expect(livekit.callsOf('StartRoomCompositeEgress')).toHaveLength(0);
  });

  it('starts, stops, and attaches the finished file from the egress_ended webhook', async () => {
    const before = await moderator.request<RecordingControl>('GET', base());
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ available: true, current: null });

    const started = await moderator.request<RecordingControl>('POST', `${base()}/start`);
    expect(started.status).toBe(200);
    expect(started.body.current).toMatchObject({ source: 'egress', state: 'starting' });
    const [call] = livekit.callsOf('StartRoomCompositeEgress');
    expect(call?.grant.roomRecord).toBe(true);
    expect(call?.body.roomName).toBe(`plenum:${demo.eventId}:stage:${sessionId}`);
    const filepath = JSON.stringify(call?.body);
    expect(filepath).toContain(`${prefix}${demo.eventId}/${sessionId}-`);
    const egressId = [...livekit.egresses.keys()][0]!;

    // A second click, or a second moderator, does not start a second egress.
    const again = await moderator.request<{ code: string }>('POST', `${base()}/start`);
    expect(again.status).toBe(409);
    expect(livekit.callsOf('StartRoomCompositeEgress')).toHaveLength(1);

    expect(await egressWebhook('egress_started', egressId, EgressStatus.EGRESS_ACTIVE)).toBe(
      'processed',
    );
    const recording = await moderator.request<RecordingControl>('GET', base());
    expect(recording.body.current).toMatchObject({
      state: 'recording',
      startedBy: 'Moritz Moderator',
    });

    const stopped = await moderator.request<RecordingControl>('POST', `${base()}/stop`);
    expect(stopped.status).toBe(200);
    expect(livekit.callsOf('StopEgress')[0]?.body.egressId).toBe(egressId);
    expect(stopped.body.current).toBeNull();
    expect(stopped.body.recordings[0]).toMatchObject({ state: 'processing', playbackUrl: null });
    expect((await moderator.request('POST', `${base()}/stop`)).status).toBe(409);

    // The egress wrote its file on the volume the api shares with it.
    const filename = `${prefix}${demo.eventId}/${sessionId}-final.mp4`;
    const film = mp4(10_000);
    await mkdir(dirname(join(fileDir, filename.slice(prefix.length))), { recursive: true });
    await writeFile(join(fileDir, filename.slice(prefix.length)), film);
    const ended = await egressWebhook('egress_ended', egressId, EgressStatus.EGRESS_COMPLETE, {
      filename,
      seconds: 1800,
      size: film.length,
    });
    expect(ended).toBe('processed');

    await app.dataSource.query(`UPDATE sessions SET state = 'ended' WHERE id = $1`, [sessionId]);
    const page = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${sessionId}/ondemand`,
    );
    expect(page.status).toBe(200);
    expect(page.body.replay).toMatchObject({
      source: 'egress',
      state: 'ready',
      media: 'file',
      durationSeconds: 1800,
      sizeBytes: film.length,
      endedBy: 'Moritz Moderator',
    });

    // The player seeks: a range request gets exactly those bytes.
    const url = page.body.replay!.playbackUrl!;
    const anonymous = new ApiClient(app.baseUrl);
    const range = await fetch(`${app.baseUrl}${url}`, { headers: { range: 'bytes=100-199' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 100-199/${film.length}`);
    expect(range.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await range.arrayBuffer())).toEqual(film.subarray(100, 200));
    const tampered = url.replace(/sig=[^&]+/, 'sig=forged');
    expect((await anonymous.request('GET', tampered)).status).toBe(401);
  });

  it('never reopens a finished recording when a late egress webhook arrives', async () => {
    const [row] = await app.dataSource.query<Array<{ egress_id: string }>>(
      `SELECT egress_id FROM recordings WHERE session_id = $1 AND source = 'egress'`,
      [sessionId],
    );
    expect(await egressWebhook('egress_updated', row!.egress_id, EgressStatus.EGRESS_ACTIVE)).toBe(
      'processed',
    );
    const control = await moderator.request<RecordingControl>('GET', base());
    expect(control.body.recordings[0]?.state).toBe('ready');
  });

  it('lets an organizer upload a film, checked by its signature, and play it in ranges', async () => {
    const asModerator = await moderator.request('PUT', `${base()}/upload`, mp4(), {
      'content-type': 'video/mp4',
    });
    expect(asModerator.status).toBe(403);

    const notAVideo = await organizer.request<FieldErrors>(
      'PUT',
      `${base()}/upload`,
      Buffer.from('%PDF-1.4 not a film'),
      { 'content-type': 'video/mp4' },
    );
    expect(notAVideo.status).toBe(422);
    expect(notAVideo.body.code).toBe('VALIDATION_FAILED');
    expect(notAVideo.body.details?.fields?.[0]?.path).toBe('body');

    const wrongType = await organizer.request('PUT', `${base()}/upload`, Buffer.from('x'), {
      'content-type': 'text/plain',
    });
    expect(wrongType.status).toBe(415);

    const film = mp4(6000);
    const uploaded = await organizer.request<RecordingControl>('PUT', `${base()}/upload`, film, {
      'content-type': 'video/mp4',
    });
    expect(uploaded.status).toBe(200);
    const view = uploaded.body.recordings[0]!;
    expect(view).toMatchObject({ source: 'upload', state: 'ready', media: 'file' });
    const whole = await fetch(`${app.baseUrl}${view.playbackUrl}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(film);
    const tail = await fetch(`${app.baseUrl}${view.playbackUrl}`, {
      headers: { range: 'bytes=-10' },
    });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(film.subarray(-10));
    const outside = await fetch(`${app.baseUrl}${view.playbackUrl}`, {
      headers: { range: 'bytes=999999-' },
    });
    expect(outside.status).toBe(416);
  });

  it('attaches a link to a film, an HLS playlist or an allowed player, and refuses others', async () => {
    const cases: Array<[string, string]> = [
      ['http://media.example/keynote.mp4', 'https://'],
      ['https://media.example/keynote.html', 'video file'],
      ['https://evil.example/embed/dQw4w9WgXcQ', 'video file'],
      ['not a link', 'https://'],
    ];
    for (const [url, hint] of cases) {
      const res = await organizer.request<FieldErrors>('POST', `${base()}/url`, { url });
      expect({ url, status: res.status }).toEqual({ url, status: 422 });
      expect(res.body.details?.fields?.[0]?.path).toBe('url');
      expect(res.body.details?.fields?.[0]?.message).toContain(hint);
    }
    const empty = await organizer.request<FieldErrors>('POST', `${base()}/url`, {});
    expect(empty.status).toBe(422);
    expect(empty.body.details?.fields?.[0]?.path).toBe('url');

    expect(
      (await attendee.request('POST', `${base()}/url`, { url: 'https://youtu.be/dQw4w9WgXcQ' }))
        .status,
    ).toBe(403);
    const hls = await organizer.request<RecordingControl>('POST', `${base()}/url`, {
      url: 'https://cdn.example/replays/panel/index.m3u8',
    });
    expect(hls.status).toBe(200);
    expect(hls.body.recordings[0]).toMatchObject({ media: 'hls', state: 'ready' });
    const embed = await organizer.request<RecordingControl>('POST', `${base()}/url`, {
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    });
    expect(embed.body.recordings[0]).toMatchObject({
      media: 'embed',
      playbackUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    // The newest ready recording is the replay.
    const page = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${sessionId}/ondemand`,
    );
    expect(page.body.replay?.media).toBe('embed');

    const removed = await organizer.request<RecordingControl>(
      'DELETE',
      `${base()}/${embed.body.recordings[0]!.id}`,
    );
    expect(removed.status).toBe(200);
    const after = await attendee.request<SessionOnDemand>(
      'GET',
      `/api/events/${slug}/sessions/${sessionId}/ondemand`,
    );
    expect(after.body.replay?.media).toBe('hls');
  });
});

describe('Recordings without LiveKit', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('says video is not set up instead of pretending to record', async () => {
    const demo = await demoCongress(app.dataSource);
    const moderator = new ApiClient(app.baseUrl);
    await moderator.login('moderator@plenum.test');
    const base = `/api/events/${slug}/sessions/${demo.sessions['keynote']}/recordings`;
    const control = await moderator.request<RecordingControl>('GET', base);
    expect(control.body.available).toBe(false);
    const start = await moderator.request<{ code: string }>('POST', `${base}/start`);
    expect(start.status).toBe(503);
    expect(start.body.code).toBe('VIDEO_NOT_CONFIGURED');
  });
});
