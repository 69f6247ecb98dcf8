import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { reactionKinds } from '@plenum/contracts';
import type { ReactionBurst, ReactionKind } from '@plenum/contracts';
import { LiveEmitter, REDIS, RedisKeys } from '@plenum/platform';

const BURST_EVERY_MS = 500;
const TICK_MS = 100;

/**
 * Stage reactions are counted in Redis and sent as one burst per room at most twice a second,
 * whichever instance received them: 400 people applauding is one message, not 400.
 */
@Injectable()
export class ReactionsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReactionsService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
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

  /** Counts one reaction in a stage's room (the handler's access rule keeps them to stages). */
  async react(room: string, kind: ReactionKind): Promise<void> {
    await this.redis
      .multi()
      .hincrby(this.countsKey(room), kind, 1)
      .pexpire(this.countsKey(room), 60_000)
      .sadd(this.dirtyKey(), room)
      .exec();
  }

  async flush(): Promise<void> {
    try {
      const dirty = await this.redis.spop(this.dirtyKey(), 500);
      for (const room of dirty) {
        const gate = await this.redis.set(this.gateKey(room), '1', 'PX', BURST_EVERY_MS, 'NX');
        if (gate === null) {
          await this.redis.sadd(this.dirtyKey(), room);
          continue;
        }
        // Read and reset in one step, so a reaction arriving meanwhile goes into the next burst.
        const results = await this.redis
          .multi()
          .hgetall(this.countsKey(room))
          .del(this.countsKey(room))
          .exec();
        const raw = (results?.[0]?.[1] ?? {}) as Record<string, string>;
        const counts: ReactionBurst['counts'] = {};
        for (const kind of reactionKinds) {
          const n = Number(raw[kind] ?? 0);
          if (n > 0) counts[kind] = n;
        }
        if (Object.keys(counts).length > 0) {
          this.emitter.to(room).emit('reaction:burst', { room, counts });
        }
      }
    } catch (err) {
      this.logger.warn({ err }, 'Reaction burst failed');
    }
  }

  private countsKey(room: string): string {
    return this.keys.key('live', 'reactions', room);
  }

  private gateKey(room: string): string {
    return this.keys.key('live', 'reactions-gate', room);
  }

  private dirtyKey(): string {
    return this.keys.key('live', 'reactions-dirty');
  }
}
