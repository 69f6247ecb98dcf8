import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError } from 'bullmq';
import type { Job } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { deliveryJobSchema, queueNames } from '@plenum/contracts';
import { ReminderDeliveryService } from '@plenum/reminders';
import type { DeliveryOutcome } from '@plenum/reminders';

/**
 * One e-mail to one person (or, from a fan-out without an in-process sender, one batch of in-app
 * notices); BullMQ retries with exponential backoff.
 */
@Processor(queueNames.deliveries, { concurrency: 50, ...workerJobLock() })
export class DeliveriesProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliveriesProcessor.name);

  constructor(private readonly delivery: ReminderDeliveryService) {
    super();
  }

  async process(job: Job<unknown>, token?: string): Promise<DeliveryOutcome> {
    const data = deliveryJobSchema.parse(job.data);
    const outcome = await this.delivery.run(data, {
      jobId: job.id,
      number: job.attemptsMade + 1,
      final: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
    });
    if (typeof outcome === 'object') {
      // Another worker's claim is still within its lease: look again when it ends, without
      // spending an attempt.
      this.logger.log({ jobId: job.id, retryAt: outcome.retryAt }, 'E-mail claimed elsewhere');
      await job.moveToDelayed(outcome.retryAt, token);
      throw new DelayedError();
    }
    return outcome;
  }
}
