import type { QaVoteResult } from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { QaModule, QaService } from '@plenum/qa';
import type { QaPlace } from '@plenum/qa';
import { factories } from '../support/factories';
import type { Medium } from '../support/medium';
import { useMedium } from '../support/medium';

jest.setTimeout(60_000);

type Answer = { ok: true; data: QaVoteResult } | { ok: false; error: PlenumError };

/** A vote as the socket handler makes it, answered as its ack would be: data or the error. */
function vote(m: Medium, place: QaPlace, person: Principal, questionId: string, voted: boolean) {
  return m
    .get(QaService)
    .vote(place, person.userId, questionId, voted)
    .then(
      (data): Answer => ({ ok: true, data }),
      (err: unknown): Answer => {
        if (err instanceof PlenumError) return { ok: false, error: err };
        throw err;
      },
    );
}

/** A session with open Q&A, a second one, and attendees; questions are added per test. */
function qaVoting(env: Record<string, string> = {}) {
  const m = useMedium([QaModule], { env });
  const { newEvent, newSession, newAttendee, newAttendees, organizerOf } = factories(m);
  const ctx = {} as {
    event: Event;
    place: QaPlace;
    otherSessionId: string;
    author: Principal;
  };
  beforeAll(async () => {
    ctx.event = await newEvent();
    const session = await newSession(ctx.event, { kind: 'panel' });
    const other = await newSession(ctx.event, { kind: 'talk' });
    ctx.otherSessionId = other.id;
    ctx.place = { eventId: ctx.event.id, sessionId: session.id, canModerate: false };
    ctx.author = await newAttendee(ctx.event);
    const organizer = organizerOf(ctx.event);
    for (const sessionId of [session.id, other.id]) {
      await m
        .get(QaService)
        .setOpen({ eventId: ctx.event.id, sessionId, canModerate: true }, organizer.userId, true);
    }
  });

  const question = async (body: string, sessionId = ctx.place.sessionId): Promise<string> => {
    const [row] = await m.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO questions (event_id, session_id, author_id, body, state)
       VALUES ($1, $2, $3, $4, 'approved') RETURNING id`,
      [ctx.event.id, sessionId, ctx.author.userId, body],
    );
    return row!.id;
  };
  /** The rows, the stored count, and who voted. */
  const stored = async (questionId: string) => {
    const [row] = await m.dataSource.query<
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
  const attendees = (count: number) => newAttendees(ctx.event, count);
  return { m, ctx, question, stored, attendees };
}

/** Moved from test/integration/qa/qa-votes.e2e-spec.ts: the socket path is qa.e2e-spec.ts's. */
describe('Q&A votes in batches', () => {
  const { m, ctx, question, stored, attendees } = qaVoting();

  it('counts many people voting and taking votes back at once exactly, rows and count alike', async () => {
    const questionId = await question('Viele gleichzeitig?');
    const voters = await attendees(40);
    const cast = (i: number, voted: boolean) =>
      vote(m, ctx.place, voters[i]!, questionId, voted).then((a) => {
        if (!a.ok) throw a.error;
        return a.data;
      });

    // Everyone votes at once; then the even ones take it back while the odd ones click again.
    await Promise.all(voters.map((_, i) => cast(i, true)));
    const after = await stored(questionId);
    expect(after).toMatchObject({ rows: 40, vote_count: 40 });
    const answers = await Promise.all(voters.map((_, i) => cast(i, i % 2 === 1)));
    expect(answers.every((a, i) => a.voted === (i % 2 === 1))).toBe(true);

    // The count is moved in the statement that writes the rows, not a tick later.
    const final = await stored(questionId);
    expect(final).toMatchObject({ rows: 20, vote_count: 20 });
    const odd = voters.filter((_, i) => i % 2 === 1).map((p) => p.userId);
    expect(final.voters.sort()).toEqual(odd.sort());
    const state = await m.get(QaService).snapshot(ctx.place, voters[0]!.userId);
    expect(state.questions.find((q) => q.id === questionId)?.votes).toBe(20);
  });

  it("ends one person's rapid clicks, from one tab or two, in the state of the last click", async () => {
    const questionId = await question('Schnell hin und her?');
    const [person] = await attendees(1);
    // One person's two tabs are two sockets of one user: the same calls.
    const emit = (voted: boolean) => vote(m, ctx.place, person!, questionId, voted);

    // Sent without waiting for the answers, as a double click does.
    const onOff = await Promise.all([emit(true), emit(false)]);
    expect(onOff.every((a) => a.ok)).toBe(true);
    expect(onOff[1]).toMatchObject({ ok: true, data: { voted: false, votes: 0 } });
    expect(await stored(questionId)).toMatchObject({ rows: 0, vote_count: 0 });

    const onOffOn = await Promise.all([emit(true), emit(false), emit(true)]);
    expect(onOffOn[2]).toMatchObject({ ok: true, data: { voted: true, votes: 1 } });
    expect(await stored(questionId)).toMatchObject({ rows: 1, vote_count: 1 });

    const twoTabs = await Promise.all([emit(true), emit(true), emit(true)]);
    expect(twoTabs.every((a) => a.ok && a.data.voted && a.data.votes === 1)).toBe(true);
    expect(await stored(questionId)).toMatchObject({ rows: 1, vote_count: 1 });
    const state = await m.get(QaService).snapshot(ctx.place, person!.userId);
    expect(state.myVotes).toContain(questionId);
  });

  it('refuses votes on questions that are not approved, or from another session, in the same batch', async () => {
    const [voter] = await attendees(1);
    const approved = await question('Zugelassen');
    const pending = await question('Noch offen');
    await m.dataSource.query(`UPDATE questions SET state = 'pending' WHERE id = $1`, [pending]);
    const answered = await question('Beantwortet');
    await m.dataSource.query(`UPDATE questions SET state = 'answered' WHERE id = $1`, [answered]);
    const elsewhere = await question('Andere Bühne', ctx.otherSessionId);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answers = await Promise.all(
      [approved, pending, answered, elsewhere, unknown].map((questionId) =>
        vote(m, ctx.place, voter!, questionId, true),
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
  const { m, ctx, question, stored, attendees } = qaVoting({ QA_VOTE_QUEUE_MAX: String(QUEUE) });

  it('answers BUSY with a retry time beyond the queue, and writes nothing of those votes', async () => {
    const questionId = await question('Überlast?');
    const voters = await attendees(12);

    // Hold the question row, so the first batch waits in PostgreSQL and the queue fills up.
    const holder = m.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`SELECT id FROM questions WHERE id = $1 FOR UPDATE`, [questionId]);
    let answers: Array<Promise<Answer>>;
    try {
      answers = voters.map((person) => vote(m, ctx.place, person, questionId, true));
      const settled: Array<Answer | undefined> = [];
      answers.forEach((a, i) => void a.then((answer) => (settled[i] = answer)));
      // The refusals come at once, while the accepted votes still wait for their batch.
      for (let i = 0; i < 100 && settled.filter(Boolean).length < voters.length - QUEUE; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const refused = settled.filter((a) => a && !a.ok);
      expect(refused).toHaveLength(voters.length - QUEUE);
      for (const answer of refused) {
        expect(answer).toMatchObject({ ok: false, error: { code: 'BUSY' } });
        if (answer && !answer.ok) expect(answer.error.extra.retryAfterMs).toBeGreaterThan(0);
      }
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }

    const all = await Promise.all(answers);
    expect(all.filter((a) => a.ok)).toHaveLength(QUEUE);
    expect(all.some((a) => !a.ok && a.error.status >= 500)).toBe(false);
    const acceptedIds = voters.filter((_, i) => all[i]!.ok).map((p) => p.userId);
    const after = await stored(questionId);
    expect(after).toMatchObject({ rows: QUEUE, vote_count: QUEUE });
    expect(after.voters.sort()).toEqual(acceptedIds.sort());

    // A refused vote goes through when tried again.
    const again = all.findIndex((a) => !a.ok);
    expect(await vote(m, ctx.place, voters[again]!, questionId, true)).toMatchObject({
      ok: true,
      data: { voted: true, votes: QUEUE + 1 },
    });
  });
});
