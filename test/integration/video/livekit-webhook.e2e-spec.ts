import { WebhookEvent } from 'livekit-server-sdk';
import type { SessionAttendance } from '@plenum/contracts';
import { FakeLiveKit, LIVEKIT_SECRET } from '../../support/fake-livekit';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress, signWebhook } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const t0 = Math.floor(Date.now() / 1000) - 3600;

describe('LiveKit webhooks: verified, once each, into attendance', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  let stageRoom: string;
  let sessionId: string;
  let client: ApiClient;
  let eventCount = 0;

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    app = await startTestApp({ seedDemo: true, env: livekit.env(apiUrl) });
    demo = await demoCongress(app.dataSource);
    sessionId = demo.sessions['panel-gigabit']!;
    stageRoom = `plenum:${demo.eventId}:stage:${sessionId}`;
    client = new ApiClient(app.baseUrl);
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  /** A webhook body as LiveKit's server writes it (protobuf JSON). */
  function webhook(
    event: string,
    fields: {
      identity?: string;
      sid?: string;
      at: number;
      joinedAt?: number;
      kind?: number;
      room?: string;
      id?: string;
    },
  ): string {
    eventCount++;
    const message = new WebhookEvent({
      id: fields.id ?? `EV_test${eventCount}`,
      createdAt: BigInt(fields.at),
      room: { name: fields.room ?? stageRoom, sid: 'RM_stage' },
      ...(fields.identity
        ? {
            participant: {
              sid: fields.sid ?? `PA_${fields.identity}`,
              identity: fields.identity,
              joinedAt: BigInt(fields.joinedAt ?? (event === 'participant_joined' ? fields.at : 0)),
              kind: fields.kind ?? 0,
            },
          }
        : {}),
    });
    // The SDK's WebhookEvent constructor resets `event`; set it afterwards.
    message.event = event as WebhookEvent['event'];
    return message.toJsonString();
  }

  async function deliver(
    body: string,
    authorization?: string,
    contentType = 'application/webhook+json',
  ) {
    const headers: Record<string, string> = { 'content-type': contentType };
    // LiveKit sends the bare token, without "Bearer".
    headers.authorization = authorization ?? (await signWebhook(body));
    return client.request<{ outcome?: string; code?: string }>(
      'POST',
      '/api/livekit/webhook',
      body,
      headers,
    );
  }

  async function attendance(): Promise<SessionAttendance> {
    const moderator = new ApiClient(app.baseUrl);
    await moderator.login('moderator@plenum.test');
    const res = await moderator.request<SessionAttendance>(
      'GET',
      `/api/events/${slug}/sessions/${sessionId}/attendance`,
    );
    expect(res.status).toBe(200);
    return res.body;
  }

  it('accepts a webhook signed as LiveKit signs it', async () => {
    const body = webhook('room_started', { at: t0 });
    const res = await deliver(body);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('processed');
  });

  it('refuses a bad signature, a wrong key, a tampered body, a stale token and none (401)', async () => {
    const body = webhook('participant_joined', { identity: 'intruder', at: t0 });
    const cases = {
      badSignature: await signWebhook(body, { secret: `${LIVEKIT_SECRET}-not` }),
      wrongKey: await signWebhook(body, { key: 'another-key' }),
      tampered: await signWebhook(body.replace('intruder', 'someone')),
      stale: await signWebhook(body, { ttl: '-5m' }),
      bearerOfNothing: 'Bearer',
    };
    for (const [name, authorization] of Object.entries(cases)) {
      const res = await deliver(body, authorization);
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
    const unsigned = await client.request('POST', '/api/livekit/webhook', body, {
      'content-type': 'application/webhook+json',
    });
    expect(unsigned.status).toBe(401);
    // Parsed JSON cannot be checked against the bytes that were signed.
    const asJson = await deliver(body, await signWebhook(body), 'application/json');
    expect(asJson.status).toBe(415);
    const rows = await app.dataSource.query(
      `SELECT 1 FROM attendance_intervals WHERE identity = 'intruder'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('processes each event id once, however often LiveKit delivers it', async () => {
    const body = webhook('participant_joined', {
      identity: demo.users.attendee,
      sid: 'PA_replayed',
      at: t0,
      id: 'EV_replayed',
    });
    expect((await deliver(body)).body.outcome).toBe('processed');
    expect((await deliver(body)).body.outcome).toBe('duplicate');
    expect((await deliver(body)).body.outcome).toBe('duplicate');
    const [{ count }] = await app.dataSource.query<[{ count: string }]>(
      `SELECT count(*) FROM livekit_webhook_events WHERE id = 'EV_replayed'`,
    );
    expect(Number(count)).toBe(1);
    const left = webhook('participant_left', {
      identity: demo.users.attendee,
      sid: 'PA_replayed',
      at: t0 + 20 * 60,
      joinedAt: t0,
    });
    expect((await deliver(left)).body.outcome).toBe('processed');
  });

  it('turns joins and leaves into unique viewers, peak concurrent viewers and minutes watched', async () => {
    const [a, b, c] = [demo.users.organizer, demo.users.speaker, demo.users.exhibitor];
    const events = [
      webhook('participant_joined', { identity: a, sid: 'PA_a1', at: t0 + 5 * 60 }),
      webhook('participant_joined', { identity: b, sid: 'PA_b1', at: t0 + 10 * 60 }),
      // b on a second device: still one person.
      webhook('participant_joined', { identity: b, sid: 'PA_b2', at: t0 + 12 * 60 }),
      webhook('participant_left', {
        identity: b,
        sid: 'PA_b2',
        at: t0 + 14 * 60,
        joinedAt: t0 + 12 * 60,
      }),
      // A leave that overtook its join, without a join time: the join moves the start back.
      webhook('participant_left', { identity: c, sid: 'PA_c1', at: t0 + 40 * 60 }),
      webhook('participant_joined', { identity: c, sid: 'PA_c1', at: t0 + 15 * 60 }),
      webhook('participant_left', {
        identity: a,
        sid: 'PA_a1',
        at: t0 + 35 * 60,
        joinedAt: t0 + 5 * 60,
      }),
      webhook('participant_left', {
        identity: b,
        sid: 'PA_b1',
        at: t0 + 45 * 60,
        joinedAt: t0 + 10 * 60,
      }),
    ];
    for (const body of events) expect((await deliver(body)).status).toBe(200);
    const figures = await attendance();
    // attendee 0–20, organizer 5–35, speaker 10–45, exhibitor 15–40.
    expect(figures).toEqual({
      sessionId,
      uniqueViewers: 4,
      peakConcurrentViewers: 4,
      peakAt: new Date((t0 + 15 * 60) * 1000).toISOString(),
      currentViewers: 0,
      minutesWatched: 20 + 30 + 35 + 25,
    });
  });

  it('closes open connections when the room finishes, and ignores recorders and other rooms', async () => {
    await deliver(
      webhook('participant_joined', {
        identity: demo.users.moderator,
        sid: 'PA_m',
        at: t0 + 50 * 60,
      }),
    );
    expect((await attendance()).currentViewers).toBe(1);
    // An egress (recorder) participant is not audience.
    await deliver(
      webhook('participant_joined', { identity: 'EG_recorder', sid: 'PA_eg', kind: 2, at: t0 }),
    );
    await deliver(
      webhook('participant_joined', { identity: 'guest', room: 'my-own-room', at: t0 }),
    );
    await deliver(webhook('room_finished', { at: t0 + 60 * 60 }));
    const figures = await attendance();
    expect(figures.currentViewers).toBe(0);
    expect(figures.uniqueViewers).toBe(5);
    expect(figures.minutesWatched).toBe(110 + 10);
  });

  it('shows attendance to organizers and moderators only', async () => {
    const organizer = new ApiClient(app.baseUrl);
    await organizer.login('organizer@plenum.test');
    const path = `/api/events/${slug}/sessions/${sessionId}/attendance`;
    expect((await organizer.request('GET', path)).status).toBe(200);
    for (const email of ['attendee@plenum.test', 'speaker@plenum.test']) {
      const person = new ApiClient(app.baseUrl);
      await person.login(email);
      expect((await person.request('GET', path)).status).toBe(403);
    }
  });
});
