import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { Gauge } from 'prom-client';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { queueNames } from '@plenum/contracts';
import { REDIS, bullConnection } from '@plenum/platform';
import { Metrics, within } from './metrics.service';

const COUNT_TIMEOUT_MS = 2000;

/**
 * BullMQ queue depths by state, read by the api at scrape time (one Lua call per queue): the
 * api is always there, so a backlog shows even while no worker runs. The queues share the app's
 * Redis connection and are opened on the first scrape.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  private queues: Queue[] | undefined;
  private answered = true;

  constructor(
    private readonly metrics: Metrics,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    const jobs = new Gauge({
      name: 'plenum_queue_jobs',
      help: 'Jobs in each BullMQ queue by state (waiting, active, delayed, prioritized, paused, waiting-children, completed, failed)',
      labelNames: ['queue', 'state'],
      registers: [this.metrics.registry],
      collect: async () => {
        jobs.reset();
        try {
          const queues = this.open();
          const counts = await within(
            COUNT_TIMEOUT_MS,
            Promise.all(queues.map((queue) => queue.getJobCounts())),
          );
          queues.forEach((queue, i) => {
            for (const [state, count] of Object.entries(counts[i] ?? {})) {
              jobs.set({ queue: queue.name, state }, count);
            }
          });
          this.answered = true;
        } catch (err) {
          if (this.answered) this.logger.warn({ err }, 'Queue depths could not be read');
          this.answered = false;
        }
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    // A shared connection is left open by close(); RedisModule closes it.
    await Promise.all((this.queues ?? []).map((queue) => queue.close()));
  }

  private open(): Queue[] {
    this.queues ??= Object.values(queueNames).map((name) => {
      const queue = new Queue(name, {
        prefix: bullConnection(this.config).prefix,
        connection: this.redis,
      });
      // Connection errors of the shared client reach every queue; without a listener BullMQ
      // prints each to stderr. The scrape reports the outage (plenum_redis_up) and logs it once.
      queue.on('error', () => undefined);
      return queue;
    });
    return this.queues;
  }
}
