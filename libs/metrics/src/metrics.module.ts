import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { PlenumConfig } from '@plenum/config';
import { JobMetrics } from './job-metrics';
import { MetricsListener } from './metrics-listener';
import { metricsPlan } from './metrics-plan';
import type { MetricsProcess } from './metrics-plan';
import { METRICS_PLAN, Metrics } from './metrics.service';
import { QueueMetrics } from './queue-metrics';
import { ServiceMetrics } from './service-metrics';

/**
 * Prometheus metrics for operators, off unless configured (see docs/operations.md). Global, so
 * a domain lib can inject `Metrics` and count what only it sees (`LiveMetrics`).
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: PlenumConfig, process: MetricsProcess): DynamicModule {
    return {
      module: MetricsModule,
      imports: process === 'worker' ? [DiscoveryModule] : [],
      providers: [
        { provide: METRICS_PLAN, useValue: metricsPlan(config, process) },
        Metrics,
        MetricsListener,
        ServiceMetrics,
        process === 'api' ? QueueMetrics : JobMetrics,
      ],
      exports: [Metrics],
    };
  }
}
