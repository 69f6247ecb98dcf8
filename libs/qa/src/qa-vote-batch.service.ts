import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { QaVoteResult, QuestionStateName } from '@plenum/contracts';
import { PlenumError } from '@plenum/platform';
import { QaVotesService } from './qa-votes.service';
import type { QaPlace } from './qa-rooms';
import { QuestionsRepository } from './questions.repository';
import type { VoteBatchRow } from './questions.repository';

/** One batch per tick: long enough to gather many votes, short enough for a quick ack. */
const TICK_MS = 20;
/** Votes per statement; the rest wait for the next tick. */
const MAX_BATCH = 1000;
/**
 * A vote that waited longer than this (an api starved of CPU, a stalled database) is refused
 * with BUSY instead of written late: the person has most likely clicked again or given up.
 */
const MAX_WAIT_MS = 2000;
/** Retries of a batch that lost a deadlock against another api instance's batch. */
const RETRIES = 3;

interface Waiter {
  place: QaPlace;
  resolve: (result: QaVoteResult) => void;
  reject: (err: unknown) => void;
}

/** The wanted vote of one person on one question; later requests overwrite earlier ones. */
interface PendingVote {
  sessionId: string;
  questionId: string;
  userId: string;
  voted: boolean;
  waiters: Waiter[];
  /** When the first of its requests arrived (performance.now()). */
  since: number;
}

const visibleToAudience = (state: QuestionStateName) =>
  state === 'approved' || state === 'answered';

/**
 * Q&A votes go into an in-process buffer keyed by session, question and person, and each tick
 * writes the whole buffer in one statement; every vote is acknowledged once its batch has
 * committed. A burst of 1,000 votes a second is fifty statements a second on one connection
 * instead of a thousand transactions queueing for the pool. The buffer is bounded: beyond
 * QA_VOTE_QUEUE_MAX waiting votes, or after MAX_WAIT_MS, a vote is refused with `BUSY` and
 * `retryAfterMs`, and nothing of it is written.
 */
@Injectable()
export class QaVoteBatchService implements OnModuleDestroy {
  private readonly logger = new Logger(QaVoteBatchService.name);
  private buffer = new Map<string, PendingVote>();
  /** Votes waiting for an ack: buffered plus in the statement under way. */
  private waiting = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastBatchMs = 0;
  private closing = false;

  constructor(
    private readonly repository: QuestionsRepository,
    private readonly votes: QaVotesService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  /** Sets one person's vote; resolves after the batch holding it has committed. */
  submit(
    place: QaPlace,
    userId: string,
    questionId: string,
    voted: boolean,
  ): Promise<QaVoteResult> {
    if (this.waiting >= this.config.qaVoteQueueMax) return Promise.reject(this.busy());
    return new Promise<QaVoteResult>((resolve, reject) => {
      const key = `${place.sessionId}:${questionId}:${userId}`;
      let pending = this.buffer.get(key);
      if (!pending) {
        pending = {
          sessionId: place.sessionId,
          questionId,
          userId,
          voted,
          waiters: [],
          since: performance.now(),
        };
        this.buffer.set(key, pending);
      }
      // Two quick clicks in one tick: the last one is what the person wants.
      pending.voted = voted;
      pending.waiters.push({ place, resolve, reject });
      this.waiting++;
      this.schedule(TICK_MS);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    while (this.buffer.size > 0) await this.flush();
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.running || this.closing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const started = performance.now();
      this.running = this.flush().finally(() => {
        this.running = undefined;
        this.lastBatchMs = performance.now() - started;
        if (this.buffer.size > 0) this.schedule(Math.max(0, TICK_MS - this.lastBatchMs));
      });
    }, delayMs);
  }

  private async flush(): Promise<void> {
    const batch: PendingVote[] = [];
    const late = performance.now() - MAX_WAIT_MS;
    for (const [key, pending] of this.buffer) {
      if (batch.length === MAX_BATCH) break;
      this.buffer.delete(key);
      if (pending.since < late) this.settle(pending, () => this.busy());
      else batch.push(pending);
    }
    if (batch.length === 0) return;
    let rows: VoteBatchRow[];
    try {
      rows = await this.apply(batch);
    } catch (err) {
      // Nothing of the batch was written, so trying again later is safe.
      this.logger.error({ err, votes: batch.length }, 'A batch of votes failed');
      for (const pending of batch) this.settle(pending, () => this.busy());
      return;
    }
    const changed = new Map<string, Set<string>>();
    rows.forEach((row, i) => {
      const pending = batch[i]!;
      if (row.changed) {
        const ids = changed.get(row.session_id) ?? new Set<string>();
        changed.set(row.session_id, ids.add(row.question_id));
      }
      this.settle(
        pending,
        (waiter) =>
          refusal(row, waiter.place) ?? {
            questionId: pending.questionId,
            voted: pending.voted,
            votes: row.votes ?? 0,
          },
      );
    });
    for (const [sessionId, ids] of changed) {
      this.votes.markChanged(sessionId, [...ids]).catch((err: unknown) => {
        this.logger.warn({ err, sessionId }, 'Could not mark the votes of a session changed');
      });
    }
  }

  private async apply(batch: PendingVote[]): Promise<VoteBatchRow[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.repository.applyVotes(batch);
      } catch (err) {
        const code = (err as { driverError?: { code?: string } }).driverError?.code;
        if (attempt >= RETRIES || (code !== '40P01' && code !== '40001')) throw err;
      }
    }
  }

  /** Refused, not queued: nothing of the vote was written, so trying again later is safe. */
  private busy(): PlenumError {
    const retryAfterMs = Math.min(5000, Math.max(250, Math.ceil(this.lastBatchMs * 4)));
    return new PlenumError('BUSY', 'Too many votes at once; try again in a moment', 429, {
      retryAfterMs,
    });
  }

  private settle(pending: PendingVote, answer: (waiter: Waiter) => QaVoteResult | Error): void {
    for (const waiter of pending.waiters) {
      this.waiting--;
      const result = answer(waiter);
      if (result instanceof Error) waiter.reject(result);
      else waiter.resolve(result);
    }
  }
}

/** Why a vote did not count, told as the single-vote path always told it. */
function refusal(row: VoteBatchRow, place: QaPlace): PlenumError | null {
  if (row.state === null || row.question_session_id !== row.session_id) {
    return PlenumError.notFound('Question not found');
  }
  if (row.state === 'approved') {
    return row.open ? null : new PlenumError('QA_CLOSED', 'Q&A is closed for this session', 409);
  }
  if (place.canModerate || visibleToAudience(row.state)) {
    return PlenumError.conflict('Only approved questions take votes');
  }
  return PlenumError.notFound('Question not found');
}
