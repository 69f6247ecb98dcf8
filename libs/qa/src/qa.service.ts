import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { QUESTION_MAX_LENGTH } from '@plenum/contracts';
import type {
  QaOnScreen,
  QaRemoved,
  QaSettings,
  QaSnapshot,
  QaVoteResult,
  QuestionStateName,
  QuestionView,
} from '@plenum/contracts';
import { AuditService, LiveEmitter, PlenumError } from '@plenum/platform';
import { QaVoteBatchService } from './qa-vote-batch.service';
import { normaliseQuestionText, qaRooms } from './qa-rooms';
import type { QaPerson, QaPlace } from './qa-rooms';

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

/** Who is looking decides what a question shows: the name and the dismissal reason. */
type Viewer = 'moderator' | 'asker' | 'audience';

export function questionView(row: QuestionRow, viewer: Viewer): QuestionView {
  const showAuthor = viewer !== 'audience' || !row.anonymous;
  return {
    id: row.id,
    sessionId: row.session_id,
    body: row.body,
    anonymous: row.anonymous,
    author:
      showAuthor && row.author_id
        ? { id: row.author_id, displayName: row.author_name ?? '' }
        : null,
    // The asker is always stored, so no author means a deleted account.
    ...(row.author_id ? {} : { authorDeleted: true as const }),
    state: row.state,
    votes: row.vote_count,
    onScreen: row.on_screen,
    mine: viewer === 'asker',
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    dismissReason: viewer === 'audience' ? null : row.dismiss_reason,
  };
}

const SELECT_QUESTION = `
  SELECT q.id, q.session_id, q.author_id, u.display_name AS author_name, q.body, q.anonymous,
         q.state, q.vote_count,
         q.on_screen, q.created_at, q.edited_at, q.dismiss_reason
    FROM questions q LEFT JOIN users u ON u.id = q.author_id`;

const visibleToAudience = (state: QuestionStateName) =>
  state === 'approved' || state === 'answered';

/**
 * Session Q&A. Write, then broadcast: every change is committed before anyone hears of it, and
 * each recipient hears it as they may see it (moderators with names, the audience without the
 * names of anonymous askers, the asker with their own pending questions).
 */
@Injectable()
export class QaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly voteBatches: QaVoteBatchService,
    private readonly audit: AuditService,
    private readonly emitter: LiveEmitter,
  ) {}

  async snapshot(place: QaPlace, userId: string): Promise<QaSnapshot> {
    const rows = await this.dataSource.query<QuestionRow[]>(
      `${SELECT_QUESTION}
        WHERE q.session_id = $1
          AND ($3 OR q.state IN ('approved', 'answered') OR q.author_id = $2)
        ORDER BY q.created_at DESC`,
      [place.sessionId, userId, place.canModerate],
    );
    const votes = await this.dataSource.query<Array<{ question_id: string }>>(
      `SELECT v.question_id FROM question_votes v JOIN questions q ON q.id = v.question_id
        WHERE q.session_id = $1 AND v.user_id = $2`,
      [place.sessionId, userId],
    );
    return {
      sessionId: place.sessionId,
      open: await this.isOpen(place.sessionId),
      canModerate: place.canModerate,
      questions: rows.map((row) =>
        questionView(
          row,
          row.author_id === userId ? 'asker' : place.canModerate ? 'moderator' : 'audience',
        ),
      ),
      myVotes: votes.map((v) => v.question_id),
    };
  }

  async ask(
    place: QaPlace,
    asker: QaPerson,
    body: string,
    anonymous: boolean,
  ): Promise<QuestionView> {
    const text = this.checkedText(body);
    if (!(await this.isOpen(place.sessionId))) throw this.closed();
    const [inserted] = await this.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO questions (event_id, session_id, author_id, body, anonymous)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [place.eventId, place.sessionId, asker.userId, text, anonymous],
    );
    const row = await this.load(this.dataSource.manager, inserted!.id);
    this.broadcast(row, 'pending');
    return questionView(row, 'asker');
  }

  async edit(
    place: QaPlace,
    userId: string,
    questionId: string,
    body: string,
  ): Promise<QuestionView> {
    const text = this.checkedText(body);
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockOwnPending(manager, place, userId, questionId);
      await manager.query(`UPDATE questions SET body = $2, edited_at = now() WHERE id = $1`, [
        current.id,
        text,
      ]);
      return this.load(manager, current.id);
    });
    this.broadcast(row, 'pending');
    return questionView(row, 'asker');
  }

  async withdraw(place: QaPlace, userId: string, questionId: string): Promise<QaRemoved> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockOwnPending(manager, place, userId, questionId);
      await manager.query(`DELETE FROM questions WHERE id = $1`, [current.id]);
      return { sessionId: place.sessionId, questionId: current.id };
    });
    this.emitter
      .to([qaRooms.moderators(place.sessionId), `user:${userId}`])
      .emit('qa:removed', removed);
    return removed;
  }

  /**
   * Sets (not toggles) one person's vote: the primary key makes a second vote a no-op, so five
   * tabs clicking at once count once. Votes are written in batches (QaVoteBatchService); the
   * answer comes after the batch holding this vote has committed, with the question's count.
   */
  vote(place: QaPlace, userId: string, questionId: string, voted: boolean): Promise<QaVoteResult> {
    return this.voteBatches.submit(place, userId, questionId, voted);
  }

  approve(place: QaPlace, actorId: string, questionId: string): Promise<QuestionView> {
    return this.decide(place, actorId, questionId, ['pending', 'dismissed'], 'approved', null);
  }

  dismiss(
    place: QaPlace,
    actorId: string,
    questionId: string,
    reason: string,
  ): Promise<QuestionView> {
    return this.decide(place, actorId, questionId, ['pending', 'approved'], 'dismissed', reason);
  }

  answer(place: QaPlace, actorId: string, questionId: string): Promise<QuestionView> {
    return this.decide(place, actorId, questionId, ['approved'], 'answered', null);
  }

  /** Puts one question on screen (or none); the partial unique index holds "at most one". */
  async screen(place: QaPlace, actorId: string, questionId: string | null): Promise<QaOnScreen> {
    this.assertModerator(place);
    const { previous, current } = await this.dataSource.transaction(async (manager) => {
      // Two moderators switching at once take turns instead of tripping over the index.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `qa-screen:${place.sessionId}`,
      ]);
      const [off] = await manager.query<[Array<{ id: string }>, number]>(
        `UPDATE questions SET on_screen = false WHERE session_id = $1 AND on_screen RETURNING id`,
        [place.sessionId],
      );
      let onId: string | null = null;
      if (questionId) {
        const [on] = await manager.query<[Array<{ id: string }>, number]>(
          `UPDATE questions SET on_screen = true
            WHERE id = $1 AND session_id = $2 AND state IN ('approved', 'answered') RETURNING id`,
          [questionId, place.sessionId],
        );
        if (on.length === 0) throw PlenumError.conflict('Only approved questions go on screen');
        onId = questionId;
      }
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'qa.question.screen',
          targetType: 'question',
          targetId: onId,
          details: { sessionId: place.sessionId },
        },
        manager,
      );
      return {
        previous: off[0] ? await this.load(manager, off[0].id) : null,
        current: onId ? await this.load(manager, onId) : null,
      };
    });
    if (previous && previous.id !== current?.id) this.broadcast(previous, previous.state);
    if (current) this.broadcast(current, current.state);
    const view: QaOnScreen = {
      sessionId: place.sessionId,
      question: current ? questionView(current, 'audience') : null,
    };
    this.emitter.to(qaRooms.audience(place.sessionId)).emit('qa:on-screen', view);
    return view;
  }

  async setOpen(place: QaPlace, actorId: string, open: boolean): Promise<QaSettings> {
    this.assertModerator(place);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO session_qa (session_id, event_id, open) VALUES ($1, $2, $3)
         ON CONFLICT (session_id) DO UPDATE SET open = EXCLUDED.open, updated_at = now()`,
        [place.sessionId, place.eventId, open],
      );
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: open ? 'qa.opened' : 'qa.closed',
          targetType: 'session',
          targetId: place.sessionId,
          details: {},
        },
        manager,
      );
    });
    const settings = { sessionId: place.sessionId, open };
    this.emitter.to(qaRooms.audience(place.sessionId)).emit('qa:settings', settings);
    return settings;
  }

  async isOpen(sessionId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ open: boolean }>>(
      `SELECT open FROM session_qa WHERE session_id = $1`,
      [sessionId],
    );
    return row?.open ?? true;
  }

  private async decide(
    place: QaPlace,
    actorId: string,
    questionId: string,
    from: QuestionStateName[],
    to: QuestionStateName,
    reason: string | null,
  ): Promise<QuestionView> {
    this.assertModerator(place);
    const { row, before } = await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, place, questionId);
      if (!from.includes(current.state)) {
        throw PlenumError.conflict(`A question that is ${current.state} cannot become ${to}`);
      }
      await manager.query(
        `UPDATE questions
            SET state = $2::question_state, decided_by_id = $3, decided_at = now(),
                dismiss_reason = CASE WHEN $2::text = 'dismissed' THEN $4 ELSE NULL END,
                answered_at = CASE WHEN $2::text = 'answered' THEN now() ELSE answered_at END,
                on_screen = CASE WHEN $2::text = 'dismissed' THEN false ELSE on_screen END
          WHERE id = $1`,
        [current.id, to, actorId, reason],
      );
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: `qa.question.${to}`,
          targetType: 'question',
          targetId: current.id,
          details: {
            sessionId: place.sessionId,
            from: current.state,
            reason,
            authorId: current.author_id,
          },
        },
        manager,
      );
      return { row: await this.load(manager, current.id), before: current };
    });
    this.broadcast(row, before.state);
    if (before.on_screen && !row.on_screen) {
      this.emitter
        .to(qaRooms.audience(place.sessionId))
        .emit('qa:on-screen', { sessionId: place.sessionId, question: null });
    }
    return questionView(row, 'moderator');
  }

  /** Each audience gets its own view; the audience hears of it only if it saw or sees it. */
  private broadcast(row: QuestionRow, before: QuestionStateName): void {
    const moderators = qaRooms.moderators(row.session_id);
    this.emitter.to(moderators).emit('qa:question', questionView(row, 'moderator'));
    if (visibleToAudience(row.state) || visibleToAudience(before)) {
      this.emitter
        .to(qaRooms.audience(row.session_id))
        .except(moderators)
        .emit('qa:question', questionView(row, 'audience'));
    }
    if (row.author_id)
      this.emitter.to(`user:${row.author_id}`).emit('qa:question', questionView(row, 'asker'));
  }

  private checkedText(body: string): string {
    const text = normaliseQuestionText(body);
    if (text === '')
      throw PlenumError.validation([{ path: 'body', message: 'Write a question first' }]);
    const length = [...text].length;
    if (length > QUESTION_MAX_LENGTH) {
      throw new PlenumError(
        'QUESTION_TOO_LONG',
        `A question can have at most ${QUESTION_MAX_LENGTH} characters; this one has ${length}`,
        422,
        { fields: [{ path: 'body', message: `At most ${QUESTION_MAX_LENGTH} characters` }] },
      );
    }
    return text;
  }

  private async lockOwnPending(
    manager: EntityManager,
    place: QaPlace,
    userId: string,
    questionId: string,
  ): Promise<QuestionRow> {
    const current = await this.lock(manager, place, questionId);
    if (current.author_id !== userId) throw PlenumError.notFound('Question not found');
    if (current.state !== 'pending') {
      throw new PlenumError(
        'QUESTION_NOT_EDITABLE',
        'Only a question still waiting for moderation can be changed or withdrawn',
        409,
      );
    }
    return current;
  }

  private async lock(
    manager: EntityManager,
    place: QaPlace,
    questionId: string,
  ): Promise<QuestionRow> {
    const [row] = await manager.query<QuestionRow[]>(
      `SELECT q.id, q.session_id, q.author_id, q.state, q.on_screen
         FROM questions q WHERE q.id = $1 AND q.session_id = $2 FOR UPDATE`,
      [questionId, place.sessionId],
    );
    if (!row) throw PlenumError.notFound('Question not found');
    return row;
  }

  private async load(manager: EntityManager, id: string): Promise<QuestionRow> {
    const [row] = await manager.query<QuestionRow[]>(`${SELECT_QUESTION} WHERE q.id = $1`, [id]);
    if (!row) throw PlenumError.notFound('Question not found');
    return row;
  }

  private assertModerator(place: QaPlace): void {
    if (!place.canModerate)
      throw PlenumError.forbidden('Only moderators of this session moderate its Q&A');
  }

  private closed(): PlenumError {
    return new PlenumError('QA_CLOSED', 'Q&A is closed for this session', 409);
  }
}
