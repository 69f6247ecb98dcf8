import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { QuestionStateName } from '@plenum/contracts';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

export interface QuestionRow {
  id: string;
  session_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  anonymous: boolean;
  state: QuestionStateName;
  vote_count: number;
  on_screen: boolean;
  created_at: Date;
  edited_at: Date | null;
  dismiss_reason: string | null;
}

/** What a locked question tells the transitions. */
export type LockedQuestion = Pick<
  QuestionRow,
  'id' | 'session_id' | 'author_id' | 'state' | 'on_screen'
>;

export interface NewQuestion {
  eventId: string;
  sessionId: string;
  authorId: string;
  body: string;
  anonymous: boolean;
}

/** The outcome of one vote of a batch, in the batch's order. */
export interface VoteBatchRow {
  session_id: string;
  question_id: string;
  user_id: string;
  /** Null when the question does not exist. */
  question_session_id: string | null;
  state: QuestionStateName | null;
  open: boolean;
  votes: number | null;
  changed: boolean;
}

export interface VoteInput {
  sessionId: string;
  questionId: string;
  userId: string;
  voted: boolean;
}

export interface QuestionExportRow {
  id: string;
  created_at: Date;
  state: string;
  body: string;
  author_name: string | null;
  author_email: string | null;
  anonymous: boolean;
  vote_count: number;
  on_screen: boolean;
  edited_at: Date | null;
  decider_name: string | null;
  decided_at: Date | null;
  dismiss_reason: string | null;
  answered_at: Date | null;
}

const SELECT_QUESTION = `
  SELECT q.id, q.session_id, q.author_id, u.display_name AS author_name, q.body, q.anonymous,
         q.state, q.vote_count,
         q.on_screen, q.created_at, q.edited_at, q.dismiss_reason
    FROM questions q LEFT JOIN users u ON u.id = q.author_id`;

/*
 * One statement per batch: the permission checks (the question belongs to the session, is
 * approved, Q&A is open), the votes set or taken back (the primary key keeps one vote per
 * person), and the question's count moved by exactly what changed. The count is adjusted from
 * the locked row (`vote_count + d`), so batches of several api instances add up correctly.
 */
const APPLY_VOTES = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::boolean[])
      AS t(session_id, question_id, user_id, voted)
  ), target AS (
    SELECT i.question_id, i.user_id, i.voted
      FROM input i JOIN questions q ON q.id = i.question_id AND q.session_id = i.session_id
     WHERE q.state = 'approved'
       AND NOT EXISTS (
         SELECT 1 FROM session_qa s WHERE s.session_id = q.session_id AND NOT s.open)
  ), added AS (
    INSERT INTO question_votes (question_id, user_id)
    SELECT question_id, user_id FROM target WHERE voted
        ON CONFLICT DO NOTHING
    RETURNING question_id, user_id
  ), removed AS (
    DELETE FROM question_votes v USING target t
     WHERE NOT t.voted AND v.question_id = t.question_id AND v.user_id = t.user_id
    RETURNING v.question_id, v.user_id
  ), changes AS (
    SELECT question_id, user_id, 1 AS d FROM added
    UNION ALL SELECT question_id, user_id, -1 FROM removed
  ), counted AS (
    UPDATE questions q SET vote_count = q.vote_count + c.d
      FROM (SELECT question_id, sum(d)::int AS d FROM changes GROUP BY question_id) c
     WHERE q.id = c.question_id AND c.d <> 0
    RETURNING q.id, q.vote_count
  )
  SELECT i.session_id, i.question_id, i.user_id, q.session_id AS question_session_id, q.state,
         coalesce(s.open, true) AS open, coalesce(c.vote_count, q.vote_count) AS votes,
         x.d IS NOT NULL AS changed
    FROM input i
    LEFT JOIN questions q ON q.id = i.question_id
    LEFT JOIN session_qa s ON s.session_id = q.session_id
    LEFT JOIN counted c ON c.id = i.question_id
    LEFT JOIN changes x ON x.question_id = i.question_id AND x.user_id = i.user_id`;

/** Session questions, their votes, and whether a session's Q&A is open. */
@Injectable()
export class QuestionsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Approved and answered questions, the person's own, and with `everything` all of them. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, false] })
  listForSession(sessionId: string, userId: string, everything: boolean): Promise<QuestionRow[]> {
    return this.db.query(
      `${SELECT_QUESTION}
        WHERE q.session_id = $1
          AND ($3 OR q.state IN ('approved', 'answered') OR q.author_id = $2)
        ORDER BY q.created_at DESC`,
      [sessionId, userId, everything],
    );
  }

  /** The questions of the session the person voted for. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async votedBy(sessionId: string, userId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ question_id: string }>>(
      `SELECT v.question_id FROM question_votes v JOIN questions q ON q.id = v.question_id
        WHERE q.session_id = $1 AND v.user_id = $2`,
      [sessionId, userId],
    );
    return rows.map((row) => row.question_id);
  }

  @GenerateSql({ params: [SQL_UUID] })
  async isOpen(sessionId: string): Promise<boolean> {
    const [row] = await this.db.query<Array<{ open: boolean }>>(
      `SELECT open FROM session_qa WHERE session_id = $1`,
      [sessionId],
    );
    return row?.open ?? true;
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID, false] })
  async setOpen(
    manager: EntityManager,
    sessionId: string,
    eventId: string,
    open: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO session_qa (session_id, event_id, open) VALUES ($1, $2, $3)
       ON CONFLICT (session_id) DO UPDATE SET open = EXCLUDED.open, updated_at = now()`,
      [sessionId, eventId, open],
    );
  }

  @GenerateSql({
    params: [
      {
        eventId: SQL_UUID,
        sessionId: SQL_UUID,
        authorId: SQL_UUID,
        body: 'Frage',
        anonymous: false,
      },
    ],
  })
  async insert(question: NewQuestion): Promise<string> {
    const [row] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO questions (event_id, session_id, author_id, body, anonymous)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [question.eventId, question.sessionId, question.authorId, question.body, question.anonymous],
    );
    if (!row) throw new Error('The question was not stored');
    return row.id;
  }

  /** A question with its asker's name, as views are made from. */
  @GenerateSql({ params: [SQL_UUID] })
  async find(id: string): Promise<QuestionRow | undefined> {
    const [row] = await this.db.query<QuestionRow[]>(`${SELECT_QUESTION} WHERE q.id = $1`, [id]);
    return row;
  }

  /** The question of this session, locked until the transaction ends. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  async lock(
    manager: EntityManager,
    id: string,
    sessionId: string,
  ): Promise<LockedQuestion | undefined> {
    const [row] = await manager.query<LockedQuestion[]>(
      `SELECT q.id, q.session_id, q.author_id, q.state, q.on_screen
         FROM questions q WHERE q.id = $1 AND q.session_id = $2 FOR UPDATE`,
      [id, sessionId],
    );
    return row;
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'Neu'] })
  async updateBody(manager: EntityManager, id: string, body: string): Promise<void> {
    await manager.query(`UPDATE questions SET body = $2, edited_at = now() WHERE id = $1`, [
      id,
      body,
    ]);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM questions WHERE id = $1`, [id]);
  }

  /** Moves a question to its new state, with who decided, when, and why (a dismissal). */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'dismissed', SQL_UUID, 'Doppelt'] })
  async decide(
    manager: EntityManager,
    id: string,
    to: QuestionStateName,
    actorId: string,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE questions
          SET state = $2::question_state, decided_by_id = $3, decided_at = now(),
              dismiss_reason = CASE WHEN $2::text = 'dismissed' THEN $4 ELSE NULL END,
              answered_at = CASE WHEN $2::text = 'answered' THEN now() ELSE answered_at END,
              on_screen = CASE WHEN $2::text = 'dismissed' THEN false ELSE on_screen END
        WHERE id = $1`,
      [id, to, actorId, reason],
    );
  }

  /**
   * Two moderators switching the screen at once take turns (an advisory lock per session)
   * instead of tripping over the "at most one on screen" index.
   */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async lockScreen(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`qa-screen:${sessionId}`]);
  }

  /** Takes the session's question off the screen; returns its id, if one was on. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async clearScreen(manager: EntityManager, sessionId: string): Promise<string | null> {
    const [off] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE questions SET on_screen = false WHERE session_id = $1 AND on_screen RETURNING id`,
      [sessionId],
    );
    return off[0]?.id ?? null;
  }

  /** Puts an approved or answered question of the session on screen; false if it is neither. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  async putOnScreen(manager: EntityManager, id: string, sessionId: string): Promise<boolean> {
    const [on] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE questions SET on_screen = true
        WHERE id = $1 AND session_id = $2 AND state IN ('approved', 'answered') RETURNING id`,
      [id, sessionId],
    );
    return on.length > 0;
  }

  /** Writes a batch of votes in one statement (see APPLY_VOTES); rows in the batch's order. */
  @GenerateSql({
    params: [[{ sessionId: SQL_UUID, questionId: SQL_UUID, userId: SQL_UUID, voted: true }]],
  })
  async applyVotes(batch: VoteInput[]): Promise<VoteBatchRow[]> {
    const rows = await this.db.query<VoteBatchRow[]>(APPLY_VOTES, [
      batch.map((v) => v.sessionId),
      batch.map((v) => v.questionId),
      batch.map((v) => v.userId),
      batch.map((v) => v.voted),
    ]);
    // unnest keeps the order of the arrays, but the joins need not: match by key.
    const byKey = new Map(rows.map((r) => [`${r.session_id}:${r.question_id}:${r.user_id}`, r]));
    return batch.map((v) => byKey.get(`${v.sessionId}:${v.questionId}:${v.userId}`)!);
  }

  /**
   * The stored counts; the vote batch keeps `vote_count` equal to the rows in its own statement,
   * so reading it takes no lock on the hot question rows.
   */
  @GenerateSql({ params: [[SQL_UUID]] })
  voteCounts(ids: string[]): Promise<Array<{ id: string; vote_count: number }>> {
    return this.db.query(`SELECT id, vote_count FROM questions WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Every question of a session with its votes and decisions, for the CSV export. */
  @GenerateSql({ params: [SQL_UUID] })
  exportRows(sessionId: string): Promise<QuestionExportRow[]> {
    return this.db.query(
      `SELECT q.id, q.created_at, q.state, q.body, a.display_name AS author_name,
              a.email AS author_email, q.anonymous,
              (SELECT count(*)::int FROM question_votes v WHERE v.question_id = q.id) AS vote_count,
              q.on_screen, q.edited_at,
              d.display_name AS decider_name, q.decided_at, q.dismiss_reason, q.answered_at
         FROM questions q
         LEFT JOIN users a ON a.id = q.author_id
         LEFT JOIN users d ON d.id = q.decided_by_id
        WHERE q.session_id = $1
        ORDER BY q.created_at`,
      [sessionId],
    );
  }
}
