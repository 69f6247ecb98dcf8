import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, rooms } from '@plenum/contracts';
import type { SessionStateChanged, SessionView, SessionWriteResult } from '@plenum/contracts';
import { socketIoKey } from '@plenum/platform';
import { REDIS_TEST_URL } from '../support/databases';
import { create, createEvent } from '../support/programme-fixtures';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

interface ErrorBody {
  code: string;
  message: string;
  details?: {
    fields?: Array<{ path: string; message: string }>;
    conflictingSession?: { id: string; title: string };
  };
}

jest.setTimeout(60_000);

describe('programme editing: model, time zones, conflicts and lifecycle', () => {
  let t: TestApp;
  let organizer: ApiClient;
  let attendee: ApiClient;
  let event: { id: string; slug: string };
  let stageId: string;
  let trackId: string;
  let weber: string;
  let moderatorSpeaker: string;
  const base = () => `/api/events/${event.slug}`;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    attendee = new ApiClient(t.baseUrl);
    await attendee.login('attendee@plenum.test');
    event = await createEvent(organizer, 'programm-test');
    stageId = (await create(organizer, `${base()}/stages`, { name: 'Saal 1' })).id;
    trackId = (
      await create(organizer, `${base()}/tracks`, { name: 'Verwaltung', color: '#6d4c41' })
    ).id;
    weber = (
      await create(organizer, `${base()}/speakers`, {
        name: 'Dr. Anna Weber',
        title: 'Chief Digital Officer',
        organisation: 'Wissenschaftsstadt Darmstadt',
        biography: 'Leitet den digitalen Zwilling.',
        photoUrl: 'https://example.org/weber.jpg',
        links: [{ label: 'Website', url: 'https://example.org' }],
      })
    ).id;
    moderatorSpeaker = (await create(organizer, `${base()}/speakers`, { name: 'Paul Bauer' })).id;
  });
  afterAll(() => t.close());

  it('stores times in UTC, read from event-zone wall clock or an explicit offset', async () => {
    const local = await create<SessionWriteResult>(organizer, `${base()}/sessions`, {
      title: 'Keynote am Morgen',
      kind: 'keynote',
      startsAt: '2026-06-10T09:00',
      endsAt: '2026-06-10T09:45',
      stageId,
      trackId,
      speakers: [
        { speakerId: weber, part: 'speaker' },
        { speakerId: moderatorSpeaker, part: 'moderator' },
      ],
    });
    expect(local.session.startsAt).toBe('2026-06-10T07:00:00.000Z');
    expect(local.session.local).toEqual({
      startsAt: '2026-06-10T09:00',
      endsAt: '2026-06-10T09:45',
      day: '2026-06-10',
    });
    expect(local.session.speakers).toEqual([
      { id: weber, name: 'Dr. Anna Weber', part: 'speaker' },
      { id: moderatorSpeaker, name: 'Paul Bauer', part: 'moderator' },
    ]);
    const offset = await create<SessionWriteResult>(organizer, `${base()}/sessions`, {
      title: 'Pause',
      kind: 'break',
      startsAt: '2026-06-10T08:00:00Z',
      endsAt: '2026-06-10T10:15:00+02:00',
      stageId,
    });
    expect(offset.session.local.startsAt).toBe('2026-06-10T10:00');
    const row = await t.dataSource.query<Array<{ starts_at: Date }>>(
      'SELECT starts_at FROM sessions WHERE id = $1',
      [offset.session.id],
    );
    expect(row[0]?.starts_at.toISOString()).toBe('2026-06-10T08:00:00.000Z');
  });

  it('shows the programme in the viewer zone on request', async () => {
    const res = await attendee.request<{ timeZone: string; sessions: SessionView[] }>(
      'GET',
      `${base()}/programme?timeZone=America/New_York`,
    );
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('America/New_York');
    const keynote = res.body.sessions.find((s) => s.title === 'Keynote am Morgen');
    expect(keynote?.local.startsAt).toBe('2026-06-10T03:00');
    const bad = await attendee.request('GET', `${base()}/programme?timeZone=Mars/Olympus`);
    expect(bad.status).toBe(422);
  });

  it('refuses wall-clock times the zone skips, and sessions that end before they start', async () => {
    const skipped = await organizer.request<ErrorBody>('POST', `${base()}/sessions`, {
      title: 'Nachts',
      kind: 'talk',
      startsAt: '2026-03-29T02:30',
      endsAt: '2026-03-29T03:30',
    });
    expect(skipped.status).toBe(422);
    expect(skipped.body.details?.fields?.[0]?.path).toBe('startsAt');
    const backwards = await organizer.request<ErrorBody>('POST', `${base()}/sessions`, {
      title: 'Rückwärts',
      kind: 'talk',
      startsAt: '2026-06-10T12:00',
      endsAt: '2026-06-10T11:00',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.details?.fields).toEqual([expect.objectContaining({ path: 'endsAt' })]);
  });

  it('rejects a double-booked stage naming the conflicting session, and writes nothing', async () => {
    const before = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM sessions WHERE event_id = $1',
      [event.id],
    );
    const res = await organizer.request<ErrorBody>('POST', `${base()}/sessions`, {
      title: 'Doppelt gebucht',
      kind: 'talk',
      startsAt: '2026-06-10T09:30',
      endsAt: '2026-06-10T10:00',
      stageId,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STAGE_DOUBLE_BOOKED');
    expect(res.body.message).toContain('Keynote am Morgen');
    expect(res.body.details?.conflictingSession?.title).toBe('Keynote am Morgen');
    const after = await t.dataSource.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM sessions WHERE event_id = $1',
      [event.id],
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('warns, without refusing, when a speaker would be in two places at once', async () => {
    const side = (await create(organizer, `${base()}/stages`, { name: 'Saal 2' })).id;
    const res = await organizer.request<SessionWriteResult>('POST', `${base()}/sessions`, {
      title: 'Parallelvortrag',
      kind: 'talk',
      startsAt: '2026-06-10T09:15',
      endsAt: '2026-06-10T09:40',
      stageId: side,
      speakers: [{ speakerId: weber }],
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        code: 'SPEAKER_DOUBLE_BOOKED',
        speakerId: weber,
        conflictingSession: expect.objectContaining({ title: 'Keynote am Morgen' }) as unknown,
      }),
    ]);
    expect(res.body.warnings[0]?.message).toContain('Keynote am Morgen');
  });

  it('lets the organizer edit and move a session, raising its sequence only on a move', async () => {
    const { session } = await create<SessionWriteResult>(organizer, `${base()}/sessions`, {
      title: 'Werkstattbericht',
      kind: 'workshop',
      startsAt: '2026-06-11T14:00',
      endsAt: '2026-06-11T15:30',
      capacity: 20,
    });
    const renamed = await organizer.request<SessionWriteResult>(
      'PATCH',
      `${base()}/sessions/${session.id}`,
      { title: 'Werkstattbericht Open Data', abstract: 'Neu' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.session.sequence).toBe(0);
    const moved = await organizer.request<SessionWriteResult>(
      'PATCH',
      `${base()}/sessions/${session.id}`,
      { startsAt: '2026-06-11T16:00', endsAt: '2026-06-11T17:30', stageId },
    );
    expect(moved.status).toBe(200);
    expect(moved.body.session.sequence).toBe(1);
    expect(moved.body.session.local.startsAt).toBe('2026-06-11T16:00');
    expect(moved.body.session.stageId).toBe(stageId);
    expect(moved.body.session.title).toBe('Werkstattbericht Open Data');
  });

  it('edits and deletes stages, tracks and speakers; refuses duplicates and non-organizers', async () => {
    const dup = await organizer.request<ErrorBody>('POST', `${base()}/stages`, { name: 'Saal 1' });
    expect(dup.status).toBe(422);
    const track = await organizer.request<{ color: string }>(
      'PATCH',
      `${base()}/tracks/${trackId}`,
      {
        color: '#00838f',
      },
    );
    expect(track.body.color).toBe('#00838f');
    const speaker = await organizer.request<{ organisation: string }>(
      'PATCH',
      `${base()}/speakers/${moderatorSpeaker}`,
      { organisation: 'Hessischer Rundfunk' },
    );
    expect(speaker.body.organisation).toBe('Hessischer Rundfunk');
    const temp = (await create(organizer, `${base()}/stages`, { name: 'Provisorium' })).id;
    expect((await organizer.request('DELETE', `${base()}/stages/${temp}`)).status).toBe(204);
    expect((await organizer.request('DELETE', `${base()}/stages/${temp}`)).status).toBe(404);
    // The attendee is no member of this event: 404, not a hint that it exists.
    expect((await attendee.request('POST', `${base()}/stages`, { name: 'X' })).status).toBe(404);
    const demoStage = await attendee.request<ErrorBody>(
      'POST',
      '/api/events/digitale-staedte/stages',
      { name: 'Gekapert' },
    );
    expect(demoStage.status).toBe(403);
  });

  it('runs the lifecycle scheduled → live → ended, and cancelled, broadcasting each change', async () => {
    // A Socket.IO server on the same Redis channel stands in for the live gateway.
    const http = createServer();
    const pub = new Redis(REDIS_TEST_URL);
    const sub = pub.duplicate();
    const server = new Server(http);
    server.adapter(createAdapter(pub, sub, { key: socketIoKey(t.config) }));
    server.of(LIVE_NAMESPACE).on('connection', (socket) => {
      void socket.join(rooms.event(event.id));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const client: Socket = connect(
      `http://127.0.0.1:${(http.address() as AddressInfo).port}${LIVE_NAMESPACE}`,
      { transports: ['websocket'] },
    );
    const received: SessionStateChanged[] = [];
    client.on('session:state', (payload: SessionStateChanged) => received.push(payload));
    await new Promise<void>((resolve) => client.on('connect', () => resolve()));
    try {
      const { session } = await create<SessionWriteResult>(organizer, `${base()}/sessions`, {
        title: 'Podium live',
        kind: 'panel',
        startsAt: '2026-06-11T10:00',
        endsAt: '2026-06-11T11:00',
      });
      const started = await organizer.request<SessionView>(
        'POST',
        `${base()}/sessions/${session.id}/start`,
      );
      expect(started.status).toBe(200);
      expect(started.body.state).toBe('live');
      const again = await organizer.request<ErrorBody>(
        'POST',
        `${base()}/sessions/${session.id}/start`,
      );
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SESSION_STATE_CONFLICT');
      const cancelLive = await organizer.request('POST', `${base()}/sessions/${session.id}/cancel`);
      expect(cancelLive.status).toBe(409);
      const ended = await organizer.request<SessionView>(
        'POST',
        `${base()}/sessions/${session.id}/end`,
      );
      expect(ended.body.state).toBe('ended');

      const { session: other } = await create<SessionWriteResult>(organizer, `${base()}/sessions`, {
        title: 'Fällt aus',
        kind: 'talk',
        startsAt: '2026-06-11T12:00',
        endsAt: '2026-06-11T12:30',
      });
      const cancelled = await organizer.request<SessionView>(
        'POST',
        `${base()}/sessions/${other.id}/cancel`,
      );
      expect(cancelled.body.state).toBe('cancelled');
      expect(cancelled.body.sequence).toBe(1);

      await waitFor(() => received.length >= 3);
      expect(received.map((r) => [r.sessionId, r.state])).toEqual([
        [session.id, 'live'],
        [session.id, 'ended'],
        [other.id, 'cancelled'],
      ]);
      expect(received[0]?.eventId).toBe(event.id);
    } finally {
      client.disconnect();
      await server.close();
      pub.disconnect();
      sub.disconnect();
    }
  });

  it("lets a session's own moderator start it, but not another session, and not an attendee", async () => {
    const demo = await organizer.request<{ sessions: SessionView[] }>(
      'GET',
      '/api/events/digitale-staedte/programme',
    );
    const target = demo.body.sessions.find((s) => s.title.startsWith('Living-in.EU'));
    const other = demo.body.sessions.find((s) => s.title.startsWith('Abschlusspodium'));
    if (!target || !other) throw new Error('demo sessions missing');
    // An invitation scopes a new moderator to one session.
    const invite = await organizer.request('POST', '/api/events/digitale-staedte/invitations', {
      email: 'session-mod@plenum.test',
      displayName: 'Sitzungsmoderation',
      role: 'moderator',
      sessionId: target.id,
    });
    expect(invite.status).toBe(201);
    await t.dataSource.query(
      `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'attendee@plenum.test') WHERE email = 'session-mod@plenum.test'`,
    );
    const moderator = new ApiClient(t.baseUrl);
    await moderator.login('session-mod@plenum.test');
    const denied = await moderator.request(
      'POST',
      `/api/events/digitale-staedte/sessions/${other.id}/start`,
    );
    expect(denied.status).toBe(403);
    const started = await moderator.request<SessionView>(
      'POST',
      `/api/events/digitale-staedte/sessions/${target.id}/start`,
    );
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('live');
    const byAttendee = await attendee.request(
      'POST',
      `/api/events/digitale-staedte/sessions/${target.id}/end`,
    );
    expect(byAttendee.status).toBe(403);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
