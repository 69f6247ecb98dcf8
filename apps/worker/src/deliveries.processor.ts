import { Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { deliveryJobSchema, queueNames } from '@plenum/contracts';
import { ReminderDeliveryService } from './reminder-delivery.service';
import type { DeliveryOutcome } from './reminder-delivery.service';

/** One notice to one person on one channel; BullMQ retries with exponential backoff. */
@Processor(queueNames.deliveries, { concurrency: 50 })
export class DeliveriesProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliveriesProcessor.name);

  constructor(private readonly delivery: ReminderDeliveryService) {
    super();
  }

  async process(job: Job<unknown>): Promise<DeliveryOutcome> {
    const data = deliveryJobSchema.parse(job.data);
    const ids = 'deliveryIds' in data ? data.deliveryIds : [data.deliveryId];
    try {
      return 'deliveryIds' in data
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
  }
}
