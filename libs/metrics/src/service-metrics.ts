import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { REDIS, processFaults } from '@plenum/platform';
import type { ProcessFaultKind } from '@plenum/platform';
import { Metrics, within } from './metrics.service';

const PING_TIMEOUT_MS = 2000;

/**
 * PostgreSQL pool usage and the Redis round trip of this process, read at scrape time: nothing
 * is measured between scrapes.
 */
@Injectable()
export class ServiceMetrics implements OnModuleInit {
  private readonly logger = new Logger('Metrics');
  private redisAnswered = true;

  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    if (!this.metrics.enabled) return;
    const registers = [this.metrics.registry];
    // TypeORM keeps node-postgres's pool as `master` (there are no replicas here).
    const pool = () => (this.dataSource.driver as unknown as { master?: Pool }).master;
    const connections = new Gauge({
      name: 'plenum_pg_pool_connections',
      help: 'PostgreSQL connections in the pool of this process, by state: busy (running a query or a transaction) or idle',
      labelNames: ['state'],
      registers,
      collect() {
        const p = pool();
        if (!p) return;
        connections.set({ state: 'busy' }, p.totalCount - p.idleCount);
        connections.set({ state: 'idle' }, p.idleCount);
      },
    });
    const max = new Gauge({
      name: 'plenum_pg_pool_max_connections',
      help: 'The most connections the PostgreSQL pool of this process opens',
      registers,
      collect() {
        const limit = pool()?.options.max;
        if (limit !== undefined) max.set(limit);
      },
    });
    const waiting = new Gauge({
      name: 'plenum_pg_pool_waiting',
      help: 'Queries waiting for a free PostgreSQL connection in this process',
      registers,
      collect() {
        waiting.set(pool()?.waitingCount ?? 0);
      },
    });
    const faults = new Counter({
      name: 'plenum_process_faults_total',
      help: 'Faults caught instead of ending the process: emit-failed (a live broadcast Redis refused), unhandled-rejection, uncaught-exception (the process then exits)',
      labelNames: ['kind'],
      registers,
      collect() {
        faults.reset();
        for (const [kind, n] of Object.entries(processFaults.totals()) as Array<
          [ProcessFaultKind, number]
        >) {
          faults.inc({ kind }, n);
        }
      },
    });
    const up = new Gauge({
      name: 'plenum_redis_up',
      help: `1 when Redis answered a PING within ${PING_TIMEOUT_MS} ms at scrape time, else 0`,
      registers,
    });
    const ping = new Gauge({
      name: 'plenum_redis_ping_seconds',
      help: 'Round trip of a PING to Redis at scrape time, on the connection the app uses (NaN when Redis did not answer)',
      registers,
      collect: async () => {
        const started = process.hrtime.bigint();
        try {
          await within(PING_TIMEOUT_MS, this.redis.ping());
          ping.set(Number(process.hrtime.bigint() - started) / 1e9);
          up.set(1);
          this.redisAnswered = true;
        } catch (err) {
          ping.set(Number.NaN);
          up.set(0);
          // Once per outage, not once per scrape.
          if (this.redisAnswered)
            this.logger.warn({ err }, 'Redis did not answer the metrics PING');
          this.redisAnswered = false;
        }
      },
    });
  }
}
