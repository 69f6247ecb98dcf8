import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError } from 'bullmq';
import type { Job } from 'bullmq';
import { deliveryJobSchema, queueNames } from '@plenum/contracts';
import { ReminderDeliveryService } from './reminder-delivery.service';
import type { DeliveryOutcome } from './reminder-delivery.service';

/**
 * One e-mail to one person (or, from a fan-out without an in-process sender, one batch of in-app
 * notices); BullMQ retries with exponential backoff.
 */
@Processor(queueNames.deliveries, { concurrency: 50 })
export class DeliveriesProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliveriesProcessor.name);

  constructor(private readonly delivery: ReminderDeliveryService) {
    super();
  }

  async process(job: Job<unknown>, token?: string): Promise<DeliveryOutcome> {
    const data = deliveryJobSchema.parse(job.data);
    const ids = 'deliveryIds' in data ? data.deliveryIds : [data.deliveryId];
    let outcome: DeliveryOutcome;
    try {
      outcome =
        'deliveryIds' in data
          ? await this.delivery.deliverInApp(data.deliveryIds)
          : await this.delivery.deliver(data.deliveryId);
    } catch (err) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      for (const id of ids) await this.delivery.recordFailure(id, err, final);
      this.logger.warn(
        { jobId: job.id, deliveries: ids.length, attempt: job.attemptsMade + 1, final },
        `Delivery failed: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw err;
    }
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
