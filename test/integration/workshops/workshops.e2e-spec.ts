import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  MyWorkshopRegistration,
  VideoToken,
  WorkshopList,
  WorkshopMaterialView,
  WorkshopRegistrants,
  WorkshopView,
} from '@plenum/contracts';
import { FakeLiveKit } from '../../support/fake-livekit';
import { call as socketCall, connectLive, next } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { decodeVideoToken, demoCongress, everySessionUpcoming } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const base = `/api/events/${slug}/workshops`;

describe('workshops: registration, permissions, capacity, room', () => {
  let t: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  const sockets: LiveSocket[] = [];
  const clients = new Map<string, ApiClient>();

  async function as(email: string): Promise<ApiClient> {
    let client = clients.get(email);
    if (!client) {
      client = new ApiClient(t.baseUrl);
      await client.login(email);
      clients.set(email, client);
    }
    return client;
  }
  const attendee = (n: number) => `attendee${String(n).padStart(3, '0')}@plenum.test`;
  const ws = (key: string) => demo.sessions[key]!;
  async function socketOf(email: string): Promise<LiveSocket> {
    const socket = await connectLive(t.baseUrl, (await as(email)).token);
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    t = await startTestApp({
      seedDemo: true,
      env: {
        ...livekit.env(apiUrl),
        LOG_LEVEL: 'warn',
        STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plenum-ws-')),
      },
    });
    await everySessionUpcoming(t.dataSource);
    demo = await demoCongress(t.dataSource);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
    await livekit?.stop();
  });

  it('lists the four demo workshops with seats left and waitlist length', async () => {
    const res = await (await as('attendee@plenum.test')).request<WorkshopList>('GET', base);
    expect(res.status).toBe(200);
    const seats = Object.fromEntries(res.body.workshops.map((w) => [w.id, w.seats]));
    expect(res.body.workshops).toHaveLength(4);
    expect(seats[ws('ws-open-data')]).toMatchObject({
      capacity: 30,
      confirmed: 30,
      waitlisted: 6,
      seatsLeft: 0,
    });
    expect(seats[ws('ws-ehrenamt')]).toMatchObject({
      capacity: 25,
      confirmed: 18,
      waitlisted: 0,
      seatsLeft: 7,
    });
    expect(seats[ws('ws-lorawan')]).toMatchObject({ capacity: 20, confirmed: 20, waitlisted: 4 });
    expect(res.body.workshops.every((w) => w.mine === null && !w.isHost)).toBe(true);
  });

  it('confirms a free seat, waitlists a full workshop with its position, and tells everyone the counts', async () => {
    const watcher = await socketOf(attendee(2));
    const join = await socketCall(watcher, 'room:join', { room: `event:${demo.eventId}` });
    expect(join.ok).toBe(true);
    const counts = next(watcher, 'workshop:seats', (s) => s.sessionId === ws('ws-ehrenamt'));

    const alex = await as('attendee@plenum.test');
    const seat = await alex.request<MyWorkshopRegistration>(
      'POST',
      `${base}/${ws('ws-ehrenamt')}/registration`,
    );
    expect(seat.status).toBe(200);
    expect(seat.body).toMatchObject({ status: 'confirmed', position: null });
    expect(await counts).toMatchObject({ confirmed: 19, seatsLeft: 6 });

    const wait = await alex.request<MyWorkshopRegistration>(
      'POST',
      `${base}/${ws('ws-open-data')}/registration`,
    );
    expect(wait.body).toMatchObject({ status: 'waitlisted', position: 7 });
    const again = await alex.request<MyWorkshopRegistration>(
      'POST',
      `${base}/${ws('ws-open-data')}/registration`,
    );
    expect(again.body).toMatchObject({ status: 'waitlisted', position: 7 });
  });

  it('cancelling a seat hands it to the first on the waitlist, who is told in-app', async () => {
    const first = attendee(161 + 20); // the first waiting for ws-lorawan
    const firstSocket = await socketOf(first);
    const promoted = next(firstSocket, 'workshop:promoted');
    const leaving = await as(attendee(161));
    const res = await leaving.request<MyWorkshopRegistration>(
      'DELETE',
      `${base}/${ws('ws-lorawan')}/registration`,
    );
    expect(res.body).toMatchObject({ status: 'cancelled' });
    expect(await promoted).toMatchObject({ sessionId: ws('ws-lorawan'), eventId: demo.eventId });
    const mine = await (
      await as(first)
    ).request<WorkshopView>('GET', `${base}/${ws('ws-lorawan')}`);
    expect(mine.body.mine).toMatchObject({ status: 'confirmed' });
    expect(mine.body.seats).toMatchObject({ confirmed: 20, waitlisted: 3 });
    const twice = await leaving.request<{ code: string }>(
      'DELETE',
      `${base}/${ws('ws-lorawan')}/registration`,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('WORKSHOP_NOT_REGISTERED');
  });

  it('lets organizers lower the capacity without removing anyone and raise it to promote in order', async () => {
    const organizer = await as('organizer@plenum.test');
    const lowered = await organizer.request<WorkshopView>(
      'PATCH',
      `${base}/${ws('ws-open-data')}`,
      { capacity: 10 },
    );
    expect(lowered.status).toBe(200);
    expect(lowered.body.seats).toMatchObject({
      capacity: 10,
      confirmed: 30,
      waitlisted: 7,
      seatsLeft: 0,
    });

    const raised = await organizer.request<WorkshopView>('PATCH', `${base}/${ws('ws-open-data')}`, {
      capacity: 33,
    });
    expect(raised.body.seats).toMatchObject({ capacity: 33, confirmed: 33, waitlisted: 4 });
    const list = await organizer.request<WorkshopRegistrants>(
      'GET',
      `${base}/${ws('ws-open-data')}/registrations`,
    );
    const status = new Map(list.body.registrants.map((r) => [r.email, r]));
    for (const n of [131, 132, 133]) expect(status.get(attendee(n))?.status).toBe('confirmed');
    expect(status.get(attendee(134))).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(status.get('attendee@plenum.test')).toMatchObject({ status: 'waitlisted', position: 4 });
  });

  it('exports the list as CSV for organizers only', async () => {
    const csv = await (
      await as('organizer@plenum.test')
    ).request<string>('GET', `${base}/${ws('ws-ehrenamt')}/registrations.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('status,position,name,email,confirmed_at,cancelled_at');
    expect(lines).toHaveLength(1 + 19);
    expect(lines.some((l) => l.includes('attendee@plenum.test'))).toBe(true);

    const alex = await as('attendee@plenum.test');
    expect(
      (await alex.request('GET', `${base}/${ws('ws-ehrenamt')}/registrations.csv`)).status,
    ).toBe(403);
    expect((await alex.request('GET', `${base}/${ws('ws-ehrenamt')}/registrations`)).status).toBe(
      403,
    );
    expect(
      (await alex.request('PATCH', `${base}/${ws('ws-ehrenamt')}`, { capacity: 99 })).status,
    ).toBe(403);
  });

  it('refuses registration outside the window', async () => {
    const organizer = await as('organizer@plenum.test');
    const opens = new Date(Date.now() + 3600_000).toISOString();
    const set = await organizer.request<WorkshopView>('PATCH', `${base}/${ws('ws-mobilitaet')}`, {
      registrationOpensAt: opens,
    });
    expect(set.body).toMatchObject({ registrationOpen: false });
    const early = await (
      await as(attendee(3))
    ).request<{ code: string }>('POST', `${base}/${ws('ws-mobilitaet')}/registration`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('WORKSHOP_REGISTRATION_CLOSED');
    await organizer.request('PATCH', `${base}/${ws('ws-mobilitaet')}`, {
      registrationOpensAt: null,
    });
    const now = await (
      await as(attendee(3))
    ).request<MyWorkshopRegistration>('POST', `${base}/${ws('ws-mobilitaet')}/registration`);
    expect(now.body).toMatchObject({ status: 'confirmed' });
  });

  it('gives confirmed participants a publishing token for the workshop room and refuses everyone else', async () => {
    const room = { kind: 'workshop', sessionId: ws('ws-ehrenamt') };
    const mint = async (email: string) =>
      (await as(email)).request<VideoToken>('POST', `/api/events/${slug}/video/token`, { room });
    const seat = await mint('attendee@plenum.test');
    expect(seat.status).toBe(200);
    const claims = await decodeVideoToken(seat.body.token);
    expect(claims.video).toMatchObject({ canPublish: true, canSubscribe: true, roomAdmin: false });
    expect(seat.body).toMatchObject({ part: 'participant', canPublish: true });

    expect((await mint(attendee(4))).status).toBe(403);
    const waiting = (await as('attendee@plenum.test')).request<VideoToken>(
      'POST',
      `/api/events/${slug}/video/token`,
      {
        room: { kind: 'workshop', sessionId: ws('ws-open-data') },
      },
    );
    expect((await waiting).status).toBe(403);
    const moderator = await mint('moderator@plenum.test');
    expect(moderator.body).toMatchObject({ roomAdmin: true, canPublish: true });
  });

  it('opens the workshop chat to confirmed participants only', async () => {
    const seated = await socketOf('attendee@plenum.test');
    expect(
      (await socketCall(seated, 'room:join', { room: `workshop:${ws('ws-ehrenamt')}` })).ok,
    ).toBe(true);
    const waiting = await socketCall(seated, 'room:join', {
      room: `workshop:${ws('ws-open-data')}`,
    });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('shares materials with registrants and hosts only', async () => {
    const organizer = await as('organizer@plenum.test');
    const path = `${base}/${ws('ws-ehrenamt')}/materials`;
    const added = await organizer.request<WorkshopMaterialView[]>('POST', `${path}/links`, {
      title: 'Leitfaden Ehrenamt',
      url: 'https://example.org/leitfaden.pdf',
    });
    expect(added.status).toBe(201);
    const seen = await (
      await as('attendee@plenum.test')
    ).request<WorkshopMaterialView[]>('GET', path);
    expect(seen.body).toEqual([
      expect.objectContaining({
        title: 'Leitfaden Ehrenamt',
        kind: 'link',
        url: 'https://example.org/leitfaden.pdf',
      }),
    ]);
    expect((await (await as(attendee(4))).request('GET', path)).status).toBe(403);
    expect(
      (
        await (
          await as('attendee@plenum.test')
        ).request('POST', `${path}/links`, { title: 'x', url: 'https://x.test' })
      ).status,
    ).toBe(403);
  });

  it('shares files as downloads with registrants only', async () => {
    const organizer = await as('organizer@plenum.test');
    const path = `${base}/${ws('ws-ehrenamt')}/materials`;
    const pdf = Buffer.from('%PDF-1.4 Arbeitsblatt');
    const up = await organizer.request<WorkshopMaterialView[]>(
      'PUT',
      `${path}/files?title=Arbeitsblatt&name=${encodeURIComponent('Arbeitsblatt Ä.pdf')}`,
      pdf,
      { 'content-type': 'application/pdf' },
    );
    expect(up.status).toBe(200);
    const file = up.body.find((m) => m.kind === 'file')!;
    expect(file).toMatchObject({
      title: 'Arbeitsblatt',
      fileName: 'Arbeitsblatt Ä.pdf',
      sizeBytes: pdf.length,
    });

    const res = await fetch(`${t.baseUrl}${file.url}`, {
      headers: { authorization: `Bearer ${(await as('attendee@plenum.test')).token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await (await as(attendee(4))).request('GET', file.url)).status).toBe(403);

    const html = await organizer.request('PUT', `${path}/files?title=x&name=x.html`, '<script>', {
      'content-type': 'text/html',
    });
    expect(html.status).toBe(415);
  });

  it('lets hosts mute, remove and spotlight participants; others may not', async () => {
    const organizer = await as('organizer@plenum.test');
    const alexId = (
      await t.dataSource.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE email = 'attendee@plenum.test'`,
      )
    )[0]!.id;
    const roomName = `plenum:${demo.eventId}:workshop:${ws('ws-ehrenamt')}`;
    livekit.connect(roomName, alexId);
    const path = `${base}/${ws('ws-ehrenamt')}/room`;

    const muted = await organizer.request<{ inRoom: boolean }>('POST', `${path}/mute`, {
      userId: alexId,
    });
    expect(muted.body).toEqual({ inRoom: true });
    expect(livekit.callsOf('MutePublishedTrack').map((c) => c.body)).toEqual([
      expect.objectContaining({
        room: roomName,
        identity: alexId,
        trackSid: `TR_cam_${alexId}`,
        muted: true,
      }),
      expect.objectContaining({
        room: roomName,
        identity: alexId,
        trackSid: `TR_mic_${alexId}`,
        muted: true,
      }),
    ]);

    const participant = await socketOf('attendee@plenum.test');
    await socketCall(participant, 'room:join', { room: `workshop:${ws('ws-ehrenamt')}` });
    const spotlight = next(participant, 'workshop:spotlight');
    expect((await organizer.request('POST', `${path}/spotlight`, { userId: alexId })).status).toBe(
      204,
    );
    expect(await spotlight).toEqual({ sessionId: ws('ws-ehrenamt'), userId: alexId });

    const removed = await organizer.request<{ inRoom: boolean }>('POST', `${path}/remove`, {
      userId: alexId,
    });
    expect(removed.body).toEqual({ inRoom: true });
    expect(livekit.connected.get(roomName)?.has(alexId)).toBe(false);

    const alex = await as('attendee@plenum.test');
    expect((await alex.request('POST', `${path}/mute`, { userId: alexId })).status).toBe(403);
    expect((await alex.request('POST', `${path}/spotlight`, { userId: null })).status).toBe(403);
  });

  it('makes a speaker a host where their profile hosts the workshop, not where they only speak, nor as an event-wide speaker', async () => {
    const userOf = async (email: string) =>
      (
        await t.dataSource.query<Array<{ id: string }>>(`SELECT id FROM users WHERE email = $1`, [
          email,
        ])
      )[0]!.id;
    // The host profile of the open-data workshop becomes attendee 6's; the same profile is a
    // co-speaker (not a host) of the Ehrenamt workshop.
    const hostProfile = (
      await t.dataSource.query<Array<{ speaker_id: string }>>(
        `SELECT speaker_id FROM session_speakers WHERE session_id = $1 AND part = 'host'`,
        [ws('ws-open-data')],
      )
    )[0]!.speaker_id;
    await t.dataSource.query(`UPDATE speakers SET user_id = $1 WHERE id = $2`, [
      await userOf(attendee(6)),
      hostProfile,
    ]);
    await t.dataSource.query(
      `INSERT INTO session_speakers (session_id, speaker_id, part, position) VALUES ($1, $2, 'speaker', 9)`,
      [ws('ws-ehrenamt'), hostProfile],
    );
    await t.dataSource.query(
      `INSERT INTO memberships (event_id, user_id, role, scope) VALUES ($1, $2, 'speaker', 'event')`,
      [demo.eventId, await userOf(attendee(7))],
    );

    const host = await as(attendee(6));
    const hosted = await host.request<WorkshopRegistrants>(
      'GET',
      `${base}/${ws('ws-open-data')}/registrations`,
    );
    expect(hosted.status).toBe(200);
    const list = await host.request<WorkshopList>('GET', base);
    const isHost = Object.fromEntries(list.body.workshops.map((w) => [w.id, w.isHost]));
    expect(isHost[ws('ws-open-data')]).toBe(true);
    expect(isHost[ws('ws-ehrenamt')]).toBe(false);
    expect((await host.request('GET', `${base}/${ws('ws-ehrenamt')}/registrations`)).status).toBe(
      403,
    );

    const eventSpeaker = await as(attendee(7));
    expect(
      (await eventSpeaker.request('GET', `${base}/${ws('ws-open-data')}/registrations`)).status,
    ).toBe(403);
    expect(
      (await eventSpeaker.request<WorkshopView>('GET', `${base}/${ws('ws-open-data')}`)).body
        .isHost,
    ).toBe(false);
  });

  it('finds host routes only for workshops of this event', async () => {
    const organizer = await as('organizer@plenum.test');
    const talk = demo.sessions['talk-digitaler-zwilling']!;
    expect((await organizer.request('GET', `${base}/${talk}/registrations`)).status).toBe(404);
    expect((await organizer.request('GET', `${base}/${talk}`)).status).toBe(404);
    expect((await organizer.request('GET', `${base}/not-a-uuid/materials`)).status).toBe(404);
  });
});
