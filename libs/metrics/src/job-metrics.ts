import { Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import type { Job, Worker } from 'bullmq';
import { Histogram } from 'prom-client';
import { BoundedLabel } from './bounded-label';
import { Metrics } from './metrics.service';

/**
 * How long the worker's jobs take, by queue, job name and outcome, from the events of every
 * BullMQ worker the processors run (found through Nest's discovery: no processor changes).
 */
@Injectable()
export class JobMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly metrics: Metrics,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.metrics.enabled) return;
    const duration = new Histogram({
      name: 'plenum_job_duration_seconds',
      help: 'BullMQ jobs this worker ran, by queue, job name and outcome (completed, or failed for each failed attempt), with their processing time',
      labelNames: ['queue', 'job', 'outcome'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [this.metrics.registry],
    });
    // Job names are constants in the code; the bound is a guard, not a limit met in practice.
    const names = new BoundedLabel(100);
    const observe = (job: Job | undefined, outcome: 'completed' | 'failed') => {
      if (!job?.processedOn) return;
      const ms = (job.finishedOn ?? Date.now()) - job.processedOn;
      duration.observe(
        { queue: job.queueName, job: names.value(job.name), outcome },
        Math.max(0, ms) / 1000,
      );
    };
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      const worker = (instance as WorkerHost<Worker>).worker;
      worker.on('completed', (job) => observe(job, 'completed'));
      worker.on('failed', (job) => observe(job, 'failed'));
    }
  }
}
