import { startTestApp } from '../../support/test-app';
import type { TestApp } from '../../support/test-app';
import { call, connectLive, ok } from '../../support/live-client';
import type { LiveSocket } from '../../support/live-client';
import { demoPlaces, signIn, userId } from '../live/live-helpers';

jest.setTimeout(90_000);

const attendee = (n: number) => `attendee${String(n).padStart(3, '0')}@plenum.test`;

/** The live panel, a fresh approved question on it, and attendees in its room. */
function qaVoting(env: Record<string, string> = {}) {
  const ctx = {} as { t: TestApp; sessionId: string; room: string; otherSessionId: string };
  const open: LiveSocket[] = [];
  beforeAll(async () => {
    ctx.t = await startTestApp({ seedDemo: true, env });
    const places = await demoPlaces(ctx.t);
    ctx.room = places.stage;
    ctx.sessionId = ctx.room.slice('session:'.length);
    ctx.otherSessionId = places.otherStage.slice('session:'.length);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => ctx.t.close());

  const join = async (email: string): Promise<LiveSocket> => {
    const socket = await connectLive(ctx.t.baseUrl, (await signIn(ctx.t, email)).token);
    open.push(socket);
    await ok(socket, 'room:join', { room: ctx.room });
    return socket;
  };
  const question = async (body: string, sessionId = ctx.sessionId): Promise<string> => {
    const [row] = await ctx.t.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO questions (event_id, session_id, author_id, body, state)
       SELECT s.event_id, s.id, u.id, $2, 'approved' FROM sessions s, users u
        WHERE s.id = $1 AND u.email = 'attendee@plenum.test'
       RETURNING id`,
      [sessionId, body],
    );
    return row!.id;
  };
  /** The rows, the stored count, and who voted. */
  const stored = async (questionId: string) => {
    const [row] = await ctx.t.dataSource.query<
      Array<{ rows: number; vote_count: number; voters: string[] }>
    >(
      `SELECT (SELECT count(*)::int FROM question_votes WHERE question_id = q.id) AS rows,
              q.vote_count,
              ARRAY(SELECT user_id::text FROM question_votes WHERE question_id = q.id) AS voters
         FROM questions q WHERE q.id = $1`,
      [questionId],
    );
    return row!;
  };
  return { ctx, join, question, stored };
}

describe('Q&A votes in batches', () => {
  const { ctx, join, question, stored } = qaVoting();

  it('counts many people voting and taking votes back at once exactly, rows and count alike', async () => {
    const questionId = await question('Viele gleichzeitig?');
    const people = Array.from({ length: 40 }, (_, i) => attendee(200 + i));
    const voters = await Promise.all(people.map((email) => join(email)));
    const vote = (i: number, voted: boolean) =>
      ok(voters[i]!, 'qa:vote', { sessionId: ctx.sessionId, questionId, voted });

    // Everyone votes at once; then the even ones take it back while the odd ones click again.
    await Promise.all(voters.map((_, i) => vote(i, true)));
    const after = await stored(questionId);
    expect(after).toMatchObject({ rows: 40, vote_count: 40 });
    const answers = await Promise.all(voters.map((_, i) => vote(i, i % 2 === 1)));
    expect(answers.every((a, i) => a.voted === (i % 2 === 1))).toBe(true);

    // The count is moved in the statement that writes the rows, not a tick later.
    const final = await stored(questionId);
    expect(final).toMatchObject({ rows: 20, vote_count: 20 });
    const odd = await Promise.all(
      people.filter((_, i) => i % 2 === 1).map((email) => userId(ctx.t, email)),
    );
    expect(final.voters.sort()).toEqual(odd.sort());
    const state = await ok(voters[0]!, 'qa:state', { sessionId: ctx.sessionId });
    expect(state.questions.find((q) => q.id === questionId)?.votes).toBe(20);
  });

  it("ends one person's rapid clicks, from one tab or two, in the state of the last click", async () => {
    const questionId = await question('Schnell hin und her?');
    const tab = await join(attendee(250));
    const otherTab = await join(attendee(250));
    const emit = (socket: LiveSocket, voted: boolean) =>
      call(socket, 'qa:vote', { sessionId: ctx.sessionId, questionId, voted });

    // Sent without waiting for the answers, as a double click does.
    const onOff = await Promise.all([emit(tab, true), emit(tab, false)]);
    expect(onOff.every((a) => a.ok)).toBe(true);
    expect(onOff[1]).toMatchObject({ ok: true, data: { voted: false, votes: 0 } });
    expect(await stored(questionId)).toMatchObject({ rows: 0, vote_count: 0 });

    const onOffOn = await Promise.all([emit(tab, true), emit(tab, false), emit(tab, true)]);
    expect(onOffOn[2]).toMatchObject({ ok: true, data: { voted: true, votes: 1 } });
    expect(await stored(questionId)).toMatchObject({ rows: 1, vote_count: 1 });

    const twoTabs = await Promise.all([emit(tab, true), emit(otherTab, true), emit(tab, true)]);
    expect(twoTabs.every((a) => a.ok && a.data.voted && a.data.votes === 1)).toBe(true);
    expect(await stored(questionId)).toMatchObject({ rows: 1, vote_count: 1 });
    const state = await ok(otherTab, 'qa:state', { sessionId: ctx.sessionId });
    expect(state.myVotes).toContain(questionId);
  });

  it('refuses votes on questions that are not approved, or from another session, in the same batch', async () => {
    const voter = await join(attendee(251));
    const approved = await question('Zugelassen');
    const pending = await question('Noch offen');
    await ctx.t.dataSource.query(`UPDATE questions SET state = 'pending' WHERE id = $1`, [pending]);
    const answered = await question('Beantwortet');
    await ctx.t.dataSource.query(`UPDATE questions SET state = 'answered' WHERE id = $1`, [
      answered,
    ]);
    const elsewhere = await question('Andere Bühne', ctx.otherSessionId);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answers = await Promise.all(
      [approved, pending, answered, elsewhere, unknown].map((questionId) =>
        call(voter, 'qa:vote', { sessionId: ctx.sessionId, questionId, voted: true }),
      ),
    );
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
      'ok',
      'NOT_FOUND',
      'CONFLICT',
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    expect(await stored(approved)).toMatchObject({ rows: 1, vote_count: 1 });
    expect(await stored(answered)).toMatchObject({ rows: 0, vote_count: 0 });
    expect(await stored(elsewhere)).toMatchObject({ rows: 0, vote_count: 0 });
  });
});

describe('Q&A votes under overload', () => {
  const QUEUE = 5;
  const { ctx, join, question, stored } = qaVoting({ QA_VOTE_QUEUE_MAX: String(QUEUE) });

  it('answers BUSY with a retry time beyond the queue, and writes nothing of those votes', async () => {
    const questionId = await question('Überlast?');
    const people = Array.from({ length: 12 }, (_, i) => attendee(300 + i));
    const voters = await Promise.all(people.map((email) => join(email)));

    // Hold the question row, so the first batch waits in PostgreSQL and the queue fills up.
    const holder = ctx.t.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM questions WHERE id = $1 FOR UPDATE`, [questionId]);
    const answers = voters.map((socket) =>
      call(socket, 'qa:vote', { sessionId: ctx.sessionId, questionId, voted: true }, 30_000),
    );
    const settled: Array<Awaited<(typeof answers)[number]> | undefined> = [];
    answers.forEach((a, i) => void a.then((answer) => (settled[i] = answer)));
    // The refusals come at once, while the accepted votes still wait for their batch.
    for (let i = 0; i < 100 && settled.filter(Boolean).length < voters.length - QUEUE; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const refused = settled.filter((a) => a && !a.ok);
    expect(refused).toHaveLength(voters.length - QUEUE);
    for (const answer of refused) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'BUSY' } });
      if (answer && !answer.ok) expect(answer.error.retryAfterMs).toBeGreaterThan(0);
    }
    await holder.rollbackTransaction();
    await holder.release();

    const all = await Promise.all(answers);
    expect(all.filter((a) => a.ok)).toHaveLength(QUEUE);
    expect(all.some((a) => !a.ok && a.error.code === 'INTERNAL')).toBe(false);
    const ids = await Promise.all(people.map((email) => userId(ctx.t, email)));
    const acceptedIds = ids.filter((_, i) => all[i]!.ok);
    const after = await stored(questionId);
    expect(after).toMatchObject({ rows: QUEUE, vote_count: QUEUE });
    expect(after.voters.sort()).toEqual(acceptedIds.sort());

    // A refused vote goes through when tried again.
    const again = all.findIndex((a) => !a.ok);
    expect(
      await ok(voters[again]!, 'qa:vote', { sessionId: ctx.sessionId, questionId, voted: true }),
    ).toMatchObject({ voted: true, votes: QUEUE + 1 });
  });
});
