import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { QaVoteResult, QuestionStateName } from '@plenum/contracts';
import { PlenumError } from '@plenum/platform';
import { QaVotesService } from './qa-votes.service';
import type { QaPlace } from './qa-rooms';

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

interface BatchRow {
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
    private readonly dataSource: DataSource,
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
    let rows: BatchRow[];
    try {
      rows = await this.apply(batch);
    } catch (err) {
      // Nothing of the batch was written, so trying again later is safe.
      this.logger.error({ err }, `A batch of ${batch.length} votes failed: ${String(err)}`);
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
        this.logger.warn(`Could not mark votes of session ${sessionId} changed: ${String(err)}`);
      });
    }
  }

  private async apply(batch: PendingVote[]): Promise<BatchRow[]> {
    const params = [
      batch.map((v) => v.sessionId),
      batch.map((v) => v.questionId),
      batch.map((v) => v.userId),
      batch.map((v) => v.voted),
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await this.dataSource.query<BatchRow[]>(APPLY_VOTES, params);
        // unnest keeps the order of the arrays, but the joins need not: match by key.
        const byKey = new Map(
          rows.map((r) => [`${r.session_id}:${r.question_id}:${r.user_id}`, r]),
        );
        return batch.map((v) => byKey.get(`${v.sessionId}:${v.questionId}:${v.userId}`)!);
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
function refusal(row: BatchRow, place: QaPlace): PlenumError | null {
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
