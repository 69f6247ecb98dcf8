import { Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { privacyJobSchema, queueNames } from '@plenum/contracts';
import type { PrivacyJob } from '@plenum/contracts';
import { RetentionService } from '@plenum/privacy';

const HOURLY = 3_600_000;

/** Anonymises the attendance of events whose retention period is over, once an hour. */
@Processor(queueNames.privacy, { ...workerJobLock() })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    private readonly retention: RetentionService,
    @InjectQueue(queueNames.privacy) private readonly queue: Queue<PrivacyJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent by id: every worker start may declare it. With `every`, BullMQ produces the
    // first run right away.
    await this.queue.upsertJobScheduler(
      'anonymise-attendance',
      { every: HOURLY },
      { name: 'anonymise-attendance', data: { kind: 'anonymise-attendance' } },
    );
  }

  async process(job: Job<unknown>): Promise<{ events: number }> {
    privacyJobSchema.parse(job.data);
    const done = await this.retention.anonymiseDue();
    this.logger.debug({ jobId: job.id, events: done.length }, 'Checked attendance retention');
    return { events: done.length };
  }
}
