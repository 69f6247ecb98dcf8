import { WebhookEvent } from 'livekit-server-sdk';
import type { EventReport } from '@plenum/contracts';
import { FakeLiveKit } from '../../support/fake-livekit';
import { connectLive, ok, waitFor } from '../../support/live-client';
import { ApiClient, startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { demoCongress, signWebhook } from '../../support/video-fixture';
import type { DemoCongress } from '../../support/video-fixture';

const slug = 'digitale-staedte';
const MIN = 60_000;

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('Reports for organizers', () => {
  let app: TestApp;
  let livekit: FakeLiveKit;
  let demo: DemoCongress;
  let organizer: ApiClient;
  let talk: string;
  let workshop: string;
  let booth: string;
  let people: Record<'a' | 'b' | 'c' | 'd', string>;
  let t0: number;
  let eventCount = 0;

  async function webhook(event: string, room: string, identity: string, sid: string, at: number) {
    eventCount++;
    const message = new WebhookEvent({
      id: `EV_report${eventCount}`,
      createdAt: BigInt(Math.floor(at / 1000)),
      room: { name: room, sid: 'RM_x' },
      participant: {
        sid,
        identity,
        joinedAt: BigInt(event === 'participant_joined' ? Math.floor(at / 1000) : 0),
        kind: 0,
      },
    });
    message.event = event as WebhookEvent['event'];
    const body = message.toJsonString();
    const res = await new ApiClient(app.baseUrl).request('POST', '/api/livekit/webhook', body, {
      'content-type': 'application/webhook+json',
      authorization: await signWebhook(body),
    });
    expect(res.status).toBe(200);
  }

  async function stay(room: string, identity: string, sid: string, from: number, to: number) {
    await webhook('participant_joined', room, identity, sid, t0 + from * MIN);
    await webhook('participant_left', room, identity, sid, t0 + to * MIN);
  }

  beforeAll(async () => {
    livekit = new FakeLiveKit();
    const apiUrl = await livekit.start();
    app = await startTestApp({ seedDemo: true, env: livekit.env(apiUrl) });
    demo = await demoCongress(app.dataSource);
    organizer = new ApiClient(app.baseUrl);
    await organizer.login('organizer@plenum.test');
    talk = demo.sessions['panel-gigabit']!;
    workshop = demo.sessions['ws-open-data']!;
    booth = demo.booths[0]!;
    const ids = await app.dataSource.query<Array<{ id: string; email: string }>>(
      `SELECT id, email FROM users WHERE email = ANY($1)`,
      [
        [
          'attendee@plenum.test',
          'attendee001@plenum.test',
          'attendee002@plenum.test',
          'attendee003@plenum.test',
        ],
      ],
    );
    const id = (email: string) => ids.find((u) => u.email === email)!.id;
    people = {
      a: id('attendee@plenum.test'),
      b: id('attendee001@plenum.test'),
      c: id('attendee002@plenum.test'),
      d: id('attendee003@plenum.test'),
    };
    t0 = Math.floor((Date.now() - 3 * 60 * MIN) / 1000) * 1000;
    const q = (sql: string, params: unknown[] = []) => app.dataSource.query(sql, params);
    // A clean slate for the three objects the report is checked on.
    await q(`UPDATE sessions SET starts_at = $2, ends_at = $3, state = 'ended' WHERE id = $1`, [
      talk,
      new Date(t0),
      new Date(t0 + 60 * MIN),
    ]);
    await q(
      `UPDATE sessions SET starts_at = $2, ends_at = $3, capacity = 3, state = 'ended' WHERE id = $1`,
      [workshop, new Date(t0), new Date(t0 + 90 * MIN)],
    );
    for (const table of ['questions', 'polls', 'attendance_intervals']) {
      await q(`DELETE FROM ${table} WHERE session_id = ANY($1)`, [[talk, workshop]]);
    }
    await q(`DELETE FROM workshop_registrations WHERE session_id = $1`, [workshop]);
    for (const table of ['booth_visits', 'leads', 'booth_conversations']) {
      await q(`DELETE FROM ${table} WHERE booth_id = $1`, [booth]);
    }

    // Video (LiveKit webhooks): A twice (a reconnect overlapping the first connection), B once.
    const stageRoom = `plenum:${demo.eventId}:stage:${talk}`;
    await stay(stageRoom, people.a, 'PA_a1', 0, 30);
    await stay(stageRoom, people.a, 'PA_a2', 25, 40);
    await stay(stageRoom, people.b, 'PA_b1', 10, 20);
    // Page presence: C only on the page, A on the page after the video.
    const presence = `INSERT INTO presence_intervals (event_id, room, user_id, entered_at, left_at)
                      VALUES ($1, $2, $3, $4, $5)`;
    await q(presence, [
      demo.eventId,
      `session:${talk}`,
      people.c,
      new Date(t0 + 5 * MIN),
      new Date(t0 + 15 * MIN),
    ]);
    await q(presence, [
      demo.eventId,
      `session:${talk}`,
      people.a,
      new Date(t0 + 35 * MIN),
      new Date(t0 + 50 * MIN),
    ]);

    // Questions: three asked, one answered.
    const question = `INSERT INTO questions (event_id, session_id, author_id, body, state)
                      VALUES ($1, $2, $3, $4, $5)`;
    await q(question, [demo.eventId, talk, people.a, 'Wann kommt Glasfaser?', 'answered']);
    await q(question, [demo.eventId, talk, people.a, 'Und 5G?', 'approved']);
    await q(question, [demo.eventId, talk, people.b, 'Kosten?', 'pending']);
    // Polls: two run (three ballots from two people), one still a draft.
    const poll = `INSERT INTO polls (event_id, session_id, question, kind, options, state)
                  VALUES ($1, $2, $3, 'single', '["ja","nein"]', $4) RETURNING id`;
    const [p1] = await q(poll, [demo.eventId, talk, 'Eins?', 'closed']);
    const [p2] = await q(poll, [demo.eventId, talk, 'Zwei?', 'open']);
    await q(poll, [demo.eventId, talk, 'Entwurf?', 'draft']);
    const vote = `INSERT INTO poll_votes (poll_id, user_id, choices) VALUES ($1, $2, '{0}')`;
    await q(vote, [p1.id, people.a]);
    await q(vote, [p1.id, people.b]);
    await q(vote, [p2.id, people.a]);

    // Booth: A twice, B once, one visit already anonymised; one accepted conversation, one
    // waiting; one lead, one withdrawn.
    const visit = `INSERT INTO booth_visits (booth_id, user_id, pseudonym, started_at, last_seen_at)
                   VALUES ($1, $2, $3, $4, $5)`;
    await q(visit, [booth, people.a, null, new Date(t0), new Date(t0 + 2 * MIN)]);
    await q(visit, [booth, people.a, null, new Date(t0 + 10 * MIN), new Date(t0 + 11 * MIN)]);
    await q(visit, [booth, people.b, null, new Date(t0), new Date(t0 + 3 * MIN)]);
    await q(visit, [
      booth,
      null,
      '7b0d7a3c-4a0e-4bb0-9d57-53d3b3c9a001',
      new Date(t0),
      new Date(t0 + 4 * MIN),
    ]);
    await q(
      `INSERT INTO booth_conversations (booth_id, visitor_id, staff_id, state, accepted_at, ended_at)
       VALUES ($1, $2, $3, 'ended', $4, $4)`,
      [booth, people.a, demo.users.exhibitor, new Date(t0)],
    );
    await q(
      `INSERT INTO booth_conversations (booth_id, visitor_id, state) VALUES ($1, $2, 'waiting')`,
      [booth, people.b],
    );
    const lead = `INSERT INTO leads (booth_id, user_id, shared_fields, consented_at, withdrawn_at)
                  VALUES ($1, $2, '{name}', now(), $3)`;
    await q(lead, [booth, people.a, null]);
    await q(lead, [booth, people.b, new Date()]);
    await q(`UPDATE booths SET organisation = '=HYPERLINK("evil")' WHERE id = $1`, [booth]);

    // Workshop: three seats, all confirmed, one on the waitlist; only A joined the room.
    const registration = `INSERT INTO workshop_registrations (session_id, user_id, event_id, status, confirmed_at)
                          VALUES ($1, $2, $3, $4, $5)`;
    for (const person of [people.a, people.b, people.c]) {
      await q(registration, [workshop, person, demo.eventId, 'confirmed', new Date(t0 - MIN)]);
    }
    await q(registration, [workshop, people.d, demo.eventId, 'waitlisted', null]);
    await stay(`plenum:${demo.eventId}:workshop:${workshop}`, people.a, 'PA_ws_a', 5, 80);
  });

  afterAll(async () => {
    await app?.close();
    await livekit?.stop();
  });

  it('computes session, booth and workshop figures from the records', async () => {
    const res = await organizer.request<EventReport>('GET', `/api/events/${slug}/reports`);
    expect(res.status).toBe(200);
    const session = res.body.sessions.find((s) => s.sessionId === talk);
    // A: video 0–40 and page 35–50 → 50 min; B: 10–20; C: page 5–15. At 10 min all three.
    expect(session).toMatchObject({
      uniqueViewers: 3,
      videoViewers: 2,
      pageViewers: 2,
      peakConcurrentViewers: 3,
      minutesWatched: 70,
      questionsAsked: 3,
      questionsAnswered: 1,
      polls: 2,
      pollBallots: 3,
      pollParticipants: 2,
    });
    expect(res.body.booths.find((b) => b.boothId === booth)).toMatchObject({
      visits: 4,
      uniqueVisitors: 3,
      minutesSpent: 10,
      conversations: 1,
      leads: 1,
    });
    expect(res.body.workshops.find((w) => w.sessionId === workshop)).toMatchObject({
      capacity: 3,
      confirmed: 3,
      waitlisted: 1,
      fillRate: 1,
      attended: 1,
      noShows: 2,
    });
  });

  it('exports each table as CSV that parses back to the same figures', async () => {
    const sessions = await organizer.request<string>(
      'GET',
      `/api/events/${slug}/reports/sessions.csv`,
    );
    expect(sessions.status).toBe(200);
    expect(sessions.headers.get('content-type')).toMatch(/^text\/csv/);
    const row = csvRecords(sessions.body).find((r) => r.session_id === talk);
    expect(row).toMatchObject({
      unique_viewers: '3',
      peak_concurrent_viewers: '3',
      minutes_watched: '70',
      questions_asked: '3',
      questions_answered: '1',
      poll_participants: '2',
    });

    const booths = await organizer.request<string>('GET', `/api/events/${slug}/reports/booths.csv`);
    const boothRow = csvRecords(booths.body).find((r) => r.booth_id === booth);
    // The formula guard: a spreadsheet shows the text instead of running it.
    expect(boothRow).toMatchObject({
      organisation: `'=HYPERLINK("evil")`,
      visits: '4',
      unique_visitors: '3',
      conversations: '1',
      leads: '1',
    });

    const workshops = await organizer.request<string>(
      'GET',
      `/api/events/${slug}/reports/workshops.csv`,
    );
    expect(csvRecords(workshops.body).find((r) => r.session_id === workshop)).toMatchObject({
      capacity: '3',
      confirmed: '3',
      waitlisted: '1',
      fill_rate: '1',
      no_shows: '2',
    });
    const unknown = await organizer.request('GET', `/api/events/${slug}/reports/people.csv`);
    expect(unknown.status).toBe(404);
  });

  it.each(['attendee', 'exhibitor', 'moderator'])('refuses the report to an %s', async (role) => {
    const client = new ApiClient(app.baseUrl);
    await client.login(`${role}@plenum.test`);
    for (const path of ['', '/sessions.csv', '/booths.csv', '/workshops.csv']) {
      const res = await client.request('GET', `/api/events/${slug}/reports${path}`);
      expect(res.status).toBe(403);
    }
  });

  it('records socket presence in a session room as a stay with a start and an end', async () => {
    const attendee = new ApiClient(app.baseUrl);
    await attendee.login('attendee003@plenum.test');
    const live = await connectLive(app.baseUrl, attendee.token);
    const session = Object.entries(demo.sessions).find(
      ([key, id]) => id && id !== talk && !key.startsWith('ws-') && key !== 'expo',
    )![1];
    const stays = () =>
      app.dataSource.query<Array<{ left_at: Date | null }>>(
        `SELECT left_at FROM presence_intervals WHERE user_id = $1 AND room = $2`,
        [people.d, `session:${session}`],
      );
    try {
      await ok(live, 'room:join', { room: `session:${session}` });
      await waitFor(async () => (await stays()).length === 1);
      expect((await stays())[0]!.left_at).toBeNull();
      await ok(live, 'room:leave', { room: `session:${session}` });
      await waitFor(async () => ((await stays())[0]?.left_at ?? null) !== null);
    } finally {
      live.close();
    }
  });
});
