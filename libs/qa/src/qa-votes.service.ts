import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { LiveEmitter, REDIS, RedisKeys } from '@plenum/platform';
import { qaRooms } from './qa-rooms';
import { QuestionsRepository } from './questions.repository';

/** At most four vote updates a second per session, so per question too. */
const UPDATE_EVERY_MS = 250;
const TICK_MS = 50;

/**
 * Vote counts are never broadcast per click: a committed vote batch marks its questions dirty in
 * Redis, and a tick on whichever instance wins the session's gate sends the current counts of
 * the dirty questions in one `qa:votes` message.
 */
@Injectable()
export class QaVotesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QaVotesService.name);
  private timer: NodeJS.Timeout | undefined;
  private flushing = false;

  constructor(
    private readonly repository: QuestionsRepository,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly emitter: LiveEmitter,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Called once per committed vote batch, not per vote. */
  async markChanged(sessionId: string, questionIds: string[]): Promise<void> {
    await this.redis
      .multi()
      .sadd(this.dirtyQuestionsKey(sessionId), ...questionIds)
      .pexpire(this.dirtyQuestionsKey(sessionId), 60_000)
      .sadd(this.dirtySessionsKey(), sessionId)
      .exec();
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      const sessions = await this.redis.spop(this.dirtySessionsKey(), 500);
      for (const sessionId of sessions) {
        const gate = await this.redis.set(
          this.gateKey(sessionId),
          '1',
          'PX',
          UPDATE_EVERY_MS,
          'NX',
        );
        if (gate === null) {
          await this.redis.sadd(this.dirtySessionsKey(), sessionId);
          continue;
        }
        // Take the set in one step, so a vote arriving meanwhile goes into the next update.
        const results = await this.redis
          .multi()
          .smembers(this.dirtyQuestionsKey(sessionId))
          .del(this.dirtyQuestionsKey(sessionId))
          .exec();
        const ids = (results?.[0]?.[1] ?? []) as string[];
        if (ids.length === 0) continue;
        const rows = await this.repository.voteCounts(ids);
        const votes: Record<string, number> = {};
        for (const row of rows) votes[row.id] = row.vote_count;
        if (rows.length > 0)
          this.emitter.to(qaRooms.audience(sessionId)).emit('qa:votes', { sessionId, votes });
      }
    } catch (err) {
      this.logger.warn({ err }, 'Vote update failed');
    } finally {
      this.flushing = false;
    }
  }

  private dirtySessionsKey(): string {
    return this.keys.key('qa', 'votes-dirty');
  }

  private dirtyQuestionsKey(sessionId: string): string {
    return this.keys.key('qa', 'votes-dirty', sessionId);
  }

  private gateKey(sessionId: string): string {
    return this.keys.key('qa', 'votes-gate', sessionId);
  }
}
