import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { PollKind, PollState } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

export interface PollRow {
  id: string;
  session_id: string;
  question: string;
  kind: PollKind;
  options: string[];
  state: PollState;
  created_at: Date;
}

export interface NewPoll {
  eventId: string;
  sessionId: string;
  question: string;
  kind: PollKind;
  options: string[];
  createdById: string;
}

const SELECT_POLL = `SELECT id, session_id, question, kind, options, state, created_at FROM polls`;

/** Session polls and their ballots. */
@Injectable()
export class PollsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The session's polls in order; drafts only `withDrafts`. */
  @GenerateSql({ params: [SQL_UUID, false] })
  listForSession(sessionId: string, withDrafts: boolean): Promise<PollRow[]> {
    return this.db.query(
      `${SELECT_POLL} WHERE session_id = $1 AND ($2 OR state <> 'draft') ORDER BY created_at`,
      [sessionId, withDrafts],
    );
  }

  @GenerateSql({ params: [SQL_UUID] })
  async find(id: string): Promise<PollRow | undefined> {
    const [row] = await this.db.query<PollRow[]>(`${SELECT_POLL} WHERE id = $1`, [id]);
    return row;
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async findInSession(id: string, sessionId: string): Promise<PollRow | undefined> {
    const [row] = await this.db.query<PollRow[]>(
      `${SELECT_POLL} WHERE id = $1 AND session_id = $2`,
      [id, sessionId],
    );
    return row;
  }

  /** The poll of this session, locked until the transaction ends. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  async lock(manager: EntityManager, id: string, sessionId: string): Promise<PollRow | undefined> {
    const [row] = await manager.query<PollRow[]>(
      `${SELECT_POLL} WHERE id = $1 AND session_id = $2 FOR UPDATE`,
      [id, sessionId],
    );
    return row;
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      {
        eventId: SQL_UUID,
        sessionId: SQL_UUID,
        question: 'Wie?',
        kind: 'single',
        options: ['a', 'b'],
        createdById: SQL_UUID,
      },
    ],
  })
  async insert(manager: EntityManager, poll: NewPoll): Promise<PollRow> {
    const [created] = await manager.query<PollRow[]>(
      `INSERT INTO polls (event_id, session_id, question, kind, options, created_by_id)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       RETURNING id, session_id, question, kind, options, state, created_at`,
      [
        poll.eventId,
        poll.sessionId,
        poll.question,
        poll.kind,
        JSON.stringify(poll.options),
        poll.createdById,
      ],
    );
    if (!created) throw new Error('The poll was not stored');
    return created;
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'open'] })
  async setState(manager: EntityManager, id: string, to: PollState): Promise<void> {
    await manager.query(
      `UPDATE polls SET state = $2::poll_state,
              opened_at = CASE WHEN $2::text = 'open' THEN now() ELSE opened_at END,
              closed_at = CASE WHEN $2::text = 'closed' THEN now() ELSE closed_at END
        WHERE id = $1`,
      [id, to],
    );
  }

  /** Casts a ballot while the poll is open; false when it is closed or the person voted. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, [0]] })
  async castBallot(pollId: string, userId: string, choices: number[]): Promise<boolean> {
    const inserted = await this.db.query<Array<{ poll_id: string }>>(
      `INSERT INTO poll_votes (poll_id, user_id, choices)
       SELECT id, $2, $3::smallint[] FROM polls WHERE id = $1 AND state = 'open'
       ON CONFLICT DO NOTHING RETURNING poll_id`,
      [pollId, userId, choices],
    );
    return inserted.length > 0;
  }

  @GenerateSql({ params: [SQL_UUID] })
  async state(id: string): Promise<PollState | undefined> {
    const [row] = await this.db.query<Array<{ state: PollState }>>(
      `SELECT state FROM polls WHERE id = $1`,
      [id],
    );
    return row?.state;
  }

  /** The person's choices, or null when they have not voted. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async ballot(pollId: string, userId: string): Promise<number[] | null> {
    const [row] = await this.db.query<Array<{ choices: number[] }>>(
      `SELECT choices FROM poll_votes WHERE poll_id = $1 AND user_id = $2`,
      [pollId, userId],
    );
    return row?.choices ?? null;
  }

  /** Ballots per chosen option, and the number of people who voted. */
  @GenerateSql({ params: [SQL_UUID] })
  async counts(
    pollId: string,
  ): Promise<{ perChoice: Array<{ choice: number; n: number }>; voters: number }> {
    const perChoice = await this.db.query<Array<{ choice: number; n: number }>>(
      `SELECT c AS choice, count(*)::int AS n FROM poll_votes, unnest(choices) AS c
        WHERE poll_id = $1 GROUP BY c`,
      [pollId],
    );
    const [voters] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = $1`,
      [pollId],
    );
    return { perChoice, voters: voters?.n ?? 0 };
  }
}
