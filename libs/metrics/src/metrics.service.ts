import { Inject, Injectable } from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricsPlan } from './metrics-plan';

export const METRICS_PLAN = Symbol('METRICS_PLAN');

/**
 * The process's Prometheus registry. With metrics off nothing is registered or measured, and
 * the services that count (`LiveMetrics`, the HTTP hook) do nothing: `enabled` is checked first.
 * Each app gets a registry of its own rather than prom-client's global one, so several apps in
 * one process (the tests) keep their figures apart.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor(@Inject(METRICS_PLAN) readonly plan: MetricsPlan) {
    // Event-loop delay (sampled every 10 ms; its percentiles cover the time since the previous
    // scrape), heap, GC, RSS, CPU, handles: prom-client's standard names, which Grafana's
    // Node.js dashboards know.
    if (plan.enabled) {
      collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    }
  }

  get enabled(): boolean {
    return this.plan.enabled;
  }
}

/** Resolves with the promise's value, or rejects when it takes longer than `ms`. */
export async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
