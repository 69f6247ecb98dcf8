import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, collect, connectLive, next, ok, sleep, waitFor } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { demoPlaces, signIn, userId } from '../live/live-helpers';

jest.setTimeout(60_000);

describe('session Q&A through real sockets', () => {
  let t: TestApp;
  let room: string;
  let sessionId: string;
  const open: LiveSocket[] = [];
  const join = async (email: string): Promise<LiveSocket> => {
    const socket = await connectLive(t.baseUrl, (await signIn(t, email)).token);
    open.push(socket);
    await ok(socket, 'room:join', { room });
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    room = (await demoPlaces(t)).stage;
    sessionId = room.slice('session:'.length);
  });
  beforeEach(() => t.refillRateLimits());
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  it('seeds the demo panels with questions, votes from demo attendees and polls', async () => {
    const panels = await t.dataSource.query<Array<{ key: string; questions: number }>>(
      `SELECT s.id AS key, count(q.id)::int AS questions
         FROM sessions s LEFT JOIN questions q ON q.session_id = s.id
        WHERE s.kind = 'panel' GROUP BY s.id`,
    );
    expect(panels.length).toBeGreaterThan(0);
    expect(panels.every((p) => p.questions > 0)).toBe(true);
    const drift = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT q.id FROM questions q
        WHERE q.vote_count <> (SELECT count(*) FROM question_votes v WHERE v.question_id = q.id)`,
    );
    expect(drift).toEqual([]);
    const [votes] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM question_votes`,
    );
    expect(votes!.n).toBeGreaterThan(100);
    const polls = await t.dataSource.query<Array<{ state: string; ballots: number }>>(
      `SELECT p.state, (SELECT count(*)::int FROM poll_votes v WHERE v.poll_id = p.id) AS ballots
         FROM polls p JOIN sessions s ON s.id = p.session_id ORDER BY p.state`,
    );
    expect(polls).toEqual([
      { state: 'draft', ballots: 0 },
      { state: 'open', ballots: 120 },
    ]);
    const [live] = await t.dataSource.query<Array<{ state: string }>>(
      `SELECT s.state FROM polls p JOIN sessions s ON s.id = p.session_id WHERE p.state = 'open'`,
    );
    expect(live!.state).toBe('live');
  });

  it('keeps an anonymous question anonymous to the audience, never to moderators', async () => {
    const asker = await join('attendee020@plenum.test');
    const moderator = await join('moderator@plenum.test');
    const audience = await join('attendee021@plenum.test');
    const audienceHears = collect(audience, 'qa:question');

    const queued = next(moderator, 'qa:question', (q) => q.body === 'Wann kommt Glasfaser?');
    const { question } = await ok(asker, 'qa:ask', {
      sessionId,
      body: '  Wann kommt Glasfaser?  ',
      anonymous: true,
    });
    expect(question).toMatchObject({ state: 'pending', mine: true, anonymous: true });
    expect(question.author?.id).toBe(await userId(t, 'attendee020@plenum.test'));
    expect((await queued).author?.id).toBe(question.author?.id);

    // Pending: the asker and moderators see it, the audience does not.
    const mineBefore = await ok(asker, 'qa:state', { sessionId });
    expect(mineBefore.questions.find((q) => q.id === question.id)).toMatchObject({ mine: true });
    const theirsBefore = await ok(audience, 'qa:state', { sessionId });
    expect(theirsBefore.questions.find((q) => q.id === question.id)).toBeUndefined();
    const queue = await ok(moderator, 'qa:state', { sessionId });
    expect(queue.canModerate).toBe(true);
    expect(queue.questions.find((q) => q.id === question.id)?.author).not.toBeNull();

    const approved = next(audience, 'qa:question', (q) => q.id === question.id);
    const decided = await ok(moderator, 'qa:approve', { sessionId, questionId: question.id });
    expect(decided.question.author).not.toBeNull();
    expect(await approved).toMatchObject({ state: 'approved', author: null, anonymous: true });
    expect(audienceHears.every((q) => q.author === null || !q.anonymous)).toBe(true);
    const theirsAfter = await ok(audience, 'qa:state', { sessionId });
    expect(theirsAfter.questions.find((q) => q.id === question.id)).toMatchObject({
      author: null,
      state: 'approved',
    });
  });

  it('lets the asker edit and withdraw while pending, and no one else', async () => {
    const asker = await join('attendee022@plenum.test');
    const other = await join('attendee023@plenum.test');
    const moderator = await join('moderator@plenum.test');
    const { question } = await ok(asker, 'qa:ask', { sessionId, body: 'Erste Fassung' });

    expect(
      await call(other, 'qa:edit', { sessionId, questionId: question.id, body: 'Hack' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(other, 'qa:approve', { sessionId, questionId: question.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const edited = await ok(asker, 'qa:edit', {
      sessionId,
      questionId: question.id,
      body: 'Zweite Fassung',
    });
    expect(edited.question).toMatchObject({ body: 'Zweite Fassung' });
    expect(edited.question.editedAt).not.toBeNull();

    const removed = next(moderator, 'qa:removed', (r) => r.questionId === question.id);
    await ok(asker, 'qa:withdraw', { sessionId, questionId: question.id });
    await removed;

    const { question: second } = await ok(asker, 'qa:ask', { sessionId, body: 'Noch eine' });
    await ok(moderator, 'qa:approve', { sessionId, questionId: second.id });
    expect(
      await call(asker, 'qa:edit', { sessionId, questionId: second.id, body: 'zu spät' }),
    ).toMatchObject({ ok: false, error: { code: 'QUESTION_NOT_EDITABLE' } });
    expect(await call(other, 'qa:ask', { sessionId, body: 'x'.repeat(501) })).toMatchObject({
      ok: false,
      error: { code: 'QUESTION_TOO_LONG' },
    });
  });

  it('counts one person voting from five sockets once, in the database and on screen', async () => {
    const asker = await join('attendee024@plenum.test');
    const moderator = await join('moderator@plenum.test');
    const { question } = await ok(asker, 'qa:ask', { sessionId, body: 'Fünf Tabs?' });
    await ok(moderator, 'qa:approve', { sessionId, questionId: question.id });

    const tabs = await Promise.all([1, 2, 3, 4, 5].map(() => join('attendee025@plenum.test')));
    const answers = await Promise.all(
      tabs.map((tab) => ok(tab, 'qa:vote', { sessionId, questionId: question.id, voted: true })),
    );
    expect(answers.every((a) => a.voted && a.votes === 1)).toBe(true);
    const stored = () =>
      t.dataSource.query<Array<{ n: number; vote_count: number }>>(
        `SELECT (SELECT count(*)::int FROM question_votes WHERE question_id = $1) AS n, vote_count
           FROM questions WHERE id = $1`,
        [question.id],
      );
    // The stored count follows the rows within one coalescing tick.
    await waitFor(async () => (await stored())[0]?.vote_count === 1);
    expect((await stored())[0]).toEqual({ n: 1, vote_count: 1 });

    const undone = await ok(tabs[0]!, 'qa:vote', {
      sessionId,
      questionId: question.id,
      voted: false,
    });
    expect(undone).toMatchObject({ voted: false, votes: 0 });
    const state = await ok(tabs[1]!, 'qa:state', { sessionId });
    expect(state.myVotes).not.toContain(question.id);
  });

  it('broadcasts vote counts coalesced, and the final count equals the rows', async () => {
    const asker = await join('attendee026@plenum.test');
    const moderator = await join('moderator@plenum.test');
    const { question } = await ok(asker, 'qa:ask', { sessionId, body: 'Viele Stimmen?' });
    await ok(moderator, 'qa:approve', { sessionId, questionId: question.id });
    const observer = await join('attendee027@plenum.test');
    const updates = collect(observer, 'qa:votes');

    const voters = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        join(`attendee${String(100 + i).padStart(3, '0')}@plenum.test`),
      ),
    );
    await Promise.all(
      voters.map((v) => ok(v, 'qa:vote', { sessionId, questionId: question.id, voted: true })),
    );
    await waitFor(() => updates.some((u) => u.votes[question.id] === 30));
    // Thirty votes within a moment are a handful of updates, not thirty messages.
    const forQuestion = updates.filter((u) => u.votes[question.id] !== undefined);
    expect(forQuestion.length).toBeLessThan(10);
    const [row] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM question_votes WHERE question_id = $1`,
      [question.id],
    );
    expect(row!.n).toBe(30);
  });

  it('moderates: dismiss with a reason, answered, one question on screen, open and closed', async () => {
    const asker = await join('attendee028@plenum.test');
    const moderator = await join('moderator@plenum.test');
    const display = await join('attendee029@plenum.test');
    const a = (await ok(asker, 'qa:ask', { sessionId, body: 'Frage A' })).question;
    const b = (await ok(asker, 'qa:ask', { sessionId, body: 'Frage B' })).question;
    const c = (await ok(asker, 'qa:ask', { sessionId, body: 'Frage C' })).question;

    const toAsker = next(asker, 'qa:question', (q) => q.id === c.id && q.state === 'dismissed');
    const dismissed = await ok(moderator, 'qa:dismiss', {
      sessionId,
      questionId: c.id,
      reason: 'Schon beantwortet',
    });
    expect(dismissed.question).toMatchObject({
      state: 'dismissed',
      dismissReason: 'Schon beantwortet',
    });
    expect(await toAsker).toMatchObject({ dismissReason: 'Schon beantwortet', mine: true });

    expect(await call(moderator, 'qa:screen', { sessionId, questionId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await ok(moderator, 'qa:approve', { sessionId, questionId: a.id });
    await ok(moderator, 'qa:approve', { sessionId, questionId: b.id });
    const shownA = next(display, 'qa:on-screen', (s) => s.question?.id === a.id);
    await ok(moderator, 'qa:screen', { sessionId, questionId: a.id });
    expect((await shownA).question).toMatchObject({ body: 'Frage A', onScreen: true });
    const shownB = next(display, 'qa:on-screen', (s) => s.question?.id === b.id);
    await ok(moderator, 'qa:screen', { sessionId, questionId: b.id });
    await shownB;
    const [onScreen] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM questions WHERE session_id = $1 AND on_screen`,
      [sessionId],
    );
    expect(onScreen!.n).toBe(1);
    const answered = await ok(moderator, 'qa:answer', { sessionId, questionId: b.id });
    expect(answered.question).toMatchObject({ state: 'answered', onScreen: true });

    const closed = next(display, 'qa:settings', (s) => !s.open);
    await ok(moderator, 'qa:open', { sessionId, open: false });
    await closed;
    expect(await call(asker, 'qa:ask', { sessionId, body: 'Zu spät' })).toMatchObject({
      ok: false,
      error: { code: 'QA_CLOSED' },
    });
    expect(
      await call(display, 'qa:vote', { sessionId, questionId: a.id, voted: true }),
    ).toMatchObject({ ok: false, error: { code: 'QA_CLOSED' } });
    expect(await call(asker, 'qa:open', { sessionId, open: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await ok(moderator, 'qa:open', { sessionId, open: true });
    expect((await ok(display, 'qa:state', { sessionId })).open).toBe(true);

    const [audit] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_logs WHERE action = 'qa.question.dismissed' AND target_id = $1`,
      [c.id],
    );
    expect(audit!.n).toBe(1);
  });

  it('exports the questions as CSV for moderators, not for attendees', async () => {
    const asker = await join('attendee030@plenum.test');
    const moderator = await join('moderator@plenum.test');
    const { question } = await ok(asker, 'qa:ask', {
      sessionId,
      body: '=SUMME(A1) und "Zitat"',
      anonymous: true,
    });
    await ok(moderator, 'qa:dismiss', { sessionId, questionId: question.id, reason: 'Spam' });
    const path = `/api/events/digitale-staedte/sessions/${sessionId}/questions.csv`;
    const { api: attendee } = await signIn(t, 'attendee030@plenum.test');
    expect((await attendee.request('GET', path)).status).toBe(403);
    const { api } = await signIn(t, 'moderator@plenum.test');
    const res = await api.request<string>('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const line = res.body.split('\r\n').find((l) => l.startsWith(question.id));
    expect(line).toContain(`,dismissed,"'=SUMME(A1) und ""Zitat""",`);
    expect(line).toContain('attendee030@plenum.test');
    expect(line).toContain(',Spam,');
  });

  it('runs polls: drafts for moderators, one ballot per person, results to voters, all after closing', async () => {
    // The organizer runs this one: organizers moderate every session too.
    const moderator = await join('organizer@plenum.test');
    const voter = await join('attendee031@plenum.test');
    const voterTab = await join('attendee031@plenum.test');
    const bystander = await join('attendee032@plenum.test');

    const { poll } = await ok(moderator, 'poll:create', {
      sessionId,
      question: 'Wie schnell ist Ihr Netz?',
      kind: 'single',
      options: ['< 50 Mbit/s', '50–250 Mbit/s', '> 250 Mbit/s'],
    });
    expect(poll.state).toBe('draft');
    expect((await ok(bystander, 'poll:list', { sessionId })).polls.map((p) => p.id)).not.toContain(
      poll.id,
    );
    expect(
      await call(voter, 'poll:vote', { sessionId, pollId: poll.id, choices: [0] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call(voter, 'poll:open', { sessionId, pollId: poll.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const opened = next(bystander, 'poll:updated', (p) => p.id === poll.id && p.state === 'open');
    await ok(moderator, 'poll:open', { sessionId, pollId: poll.id });
    expect((await opened).results).toBeNull();

    expect(
      await call(voter, 'poll:vote', { sessionId, pollId: poll.id, choices: [0, 1] }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const bystanderResults = collect(bystander, 'poll:results');
    const voted = await ok(voter, 'poll:vote', { sessionId, pollId: poll.id, choices: [2] });
    expect(voted.poll).toMatchObject({ myChoices: [2], results: { counts: [0, 0, 1], voters: 1 } });
    expect(
      await call(voterTab, 'poll:vote', { sessionId, pollId: poll.id, choices: [1] }),
    ).toMatchObject({ ok: false, error: { code: 'POLL_ALREADY_VOTED' } });

    const live = next(voterTab, 'poll:results', (r) => r.pollId === poll.id && r.voters === 2);
    const other = await join('attendee033@plenum.test');
    await ok(other, 'poll:vote', { sessionId, pollId: poll.id, choices: [1] });
    expect((await live).counts).toEqual([0, 1, 1]);
    await sleep(400);
    expect(bystanderResults).toEqual([]);

    const final = next(bystander, 'poll:updated', (p) => p.id === poll.id && p.state === 'closed');
    await ok(moderator, 'poll:close', { sessionId, pollId: poll.id });
    expect((await final).results).toMatchObject({ counts: [0, 1, 1], voters: 2 });
    expect(
      await call(bystander, 'poll:vote', { sessionId, pollId: poll.id, choices: [0] }),
    ).toMatchObject({ ok: false, error: { code: 'POLL_NOT_OPEN' } });
    const [ballots] = await t.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = $1`,
      [poll.id],
    );
    expect(ballots!.n).toBe(2);
  });
});
