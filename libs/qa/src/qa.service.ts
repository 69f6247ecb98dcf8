import { Injectable } from '@nestjs/common';
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
import { QuestionsRepository } from './questions.repository';
import type { LockedQuestion, QuestionExportRow, QuestionRow } from './questions.repository';

export type { QuestionRow } from './questions.repository';

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

const visibleToAudience = (state: QuestionStateName) =>
  state === 'approved' || state === 'answered';

/**
 * Session Q&A. Write, then broadcast: every change is committed before anyone hears of it, and
 * each recipient hears it as they may see it (moderators with names, the audience without the
 * names of anonymous askers, the asker with their own pending questions). Who may moderate is
 * the handlers' access rule (`session.moderate` in the session's room); what stays here are the
 * checks about one question (its asker, its state).
 */
@Injectable()
export class QaService {
  constructor(
    private readonly repository: QuestionsRepository,
    private readonly voteBatches: QaVoteBatchService,
    private readonly audit: AuditService,
    private readonly emitter: LiveEmitter,
  ) {}

  async snapshot(place: QaPlace, userId: string): Promise<QaSnapshot> {
    const [rows, myVotes] = await Promise.all([
      this.repository.listForSession(place.sessionId, userId, place.canModerate),
      this.repository.votedBy(place.sessionId, userId),
    ]);
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
      myVotes,
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
    const id = await this.repository.insert({
      eventId: place.eventId,
      sessionId: place.sessionId,
      authorId: asker.userId,
      body: text,
      anonymous,
    });
    const row = await this.load(id);
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
    const id = await this.repository.transaction(async (manager) => {
      const current = await this.lockOwnPending(manager, place, userId, questionId);
      await this.repository.updateBody(manager, current.id, text);
      return current.id;
    });
    const row = await this.load(id);
    this.broadcast(row, 'pending');
    return questionView(row, 'asker');
  }

  async withdraw(place: QaPlace, userId: string, questionId: string): Promise<QaRemoved> {
    const removed = await this.repository.transaction(async (manager) => {
      const current = await this.lockOwnPending(manager, place, userId, questionId);
      await this.repository.delete(manager, current.id);
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
    const { offId, onId } = await this.repository.transaction(async (manager) => {
      await this.repository.lockScreen(manager, place.sessionId);
      const offId = await this.repository.clearScreen(manager, place.sessionId);
      if (
        questionId &&
        !(await this.repository.putOnScreen(manager, questionId, place.sessionId))
      ) {
        throw PlenumError.conflict('Only approved questions go on screen');
      }
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'qa.question.screen',
          targetType: 'question',
          targetId: questionId,
          details: { sessionId: place.sessionId },
        },
        manager,
      );
      return { offId, onId: questionId };
    });
    const previous = offId ? await this.load(offId) : null;
    const current = onId ? await this.load(onId) : null;
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
    await this.repository.transaction(async (manager) => {
      await this.repository.setOpen(manager, place.sessionId, place.eventId, open);
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

  /** Every question of the session with its votes and decisions (the CSV export). */
  exportRows(sessionId: string): Promise<QuestionExportRow[]> {
    return this.repository.exportRows(sessionId);
  }

  isOpen(sessionId: string): Promise<boolean> {
    return this.repository.isOpen(sessionId);
  }

  private async decide(
    place: QaPlace,
    actorId: string,
    questionId: string,
    from: QuestionStateName[],
    to: QuestionStateName,
    reason: string | null,
  ): Promise<QuestionView> {
    const before = await this.repository.transaction(async (manager) => {
      const current = await this.lock(manager, place, questionId);
      if (!from.includes(current.state)) {
        throw PlenumError.conflict(`A question that is ${current.state} cannot become ${to}`);
      }
      await this.repository.decide(manager, current.id, to, actorId, reason);
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
      return current;
    });
    const row = await this.load(before.id);
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
  ): Promise<LockedQuestion> {
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
  ): Promise<LockedQuestion> {
    const row = await this.repository.lock(manager, questionId, place.sessionId);
    if (!row) throw PlenumError.notFound('Question not found');
    return row;
  }

  private async load(id: string): Promise<QuestionRow> {
    const row = await this.repository.find(id);
    if (!row) throw PlenumError.notFound('Question not found');
    return row;
  }

  private closed(): PlenumError {
    return new PlenumError('QA_CLOSED', 'Q&A is closed for this session', 409);
  }
}
