import { Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { queueNames, reminderJobSchema } from '@plenum/contracts';
import type { ReminderJob } from '@plenum/contracts';
import { ReminderDeliveryService, ReminderFanOut } from '@plenum/reminders';
import type { FanOutResult } from '@plenum/reminders';

/** Due reminders, session changes and announcements: fans each out into deliveries. */
@Processor(queueNames.reminders, { concurrency: 2, ...workerJobLock() })
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    private readonly fanOut: ReminderFanOut,
    private readonly delivery: ReminderDeliveryService,
    @InjectQueue(queueNames.reminders) private readonly queue: Queue<ReminderJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Redis may have lost delayed jobs; the rebuild runs as a job so that of several workers
    // starting together one does it, and a failure is retried and visible on the queue.
    await this.queue.add(
      'rebuild',
      { kind: 'rebuild' },
      {
        jobId: `rebuild_${Math.floor(Date.now() / 60_000)}`,
        removeOnComplete: 100,
        removeOnFail: 100,
      },
    );
  }

  async process(job: Job<unknown>): Promise<FanOutResult> {
    const data = reminderJobSchema.parse(job.data);
    // In-app notices go out inside the fan-out, batch by batch; e-mails become delivery jobs.
    const result = await this.fanOut.run(data, (ids) => this.delivery.deliverInApp(ids));
    if (result.skipped) {
      this.logger.log({ jobId: job.id, reason: result.skipped }, 'Skipped a stale reminder job');
    }
    return result;
  }
}
