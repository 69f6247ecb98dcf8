import { Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { maintenanceJobSchema, queueNames } from '@plenum/contracts';
import type { MaintenanceJob } from '@plenum/contracts';
import { IdentityMaintenance } from '@plenum/identity';
import { WebhookIds } from '@plenum/video';

const HOURLY = 3_600_000;

/**
 * Housekeeping: removes ended sign-ins, used or expired invitations, and the ids of LiveKit
 * webhooks old enough that LiveKit no longer retries them.
 */
@Processor(queueNames.maintenance, { ...workerJobLock() })
export class MaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly identity: IdentityMaintenance,
    private readonly webhookIds: WebhookIds,
    @InjectQueue(queueNames.maintenance) private readonly queue: Queue<MaintenanceJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // A job scheduler is idempotent by id, so every worker start may declare it.
    await this.queue.upsertJobScheduler(
      'purge-expired-auth',
      { every: HOURLY },
      {
        name: 'purge-expired-auth',
        data: { kind: 'purge-expired-auth' },
      },
    );
  }

  async process(
    job: Job<unknown>,
  ): Promise<{ sessions: number; invitations: number; emailLinks: number; webhooks: number }> {
    maintenanceJobSchema.parse(job.data);
    const result = {
      ...(await this.identity.purgeEnded()),
      webhooks: await this.webhookIds.purgeOld(),
    };
    this.logger.log(
      { jobId: job.id, ...result },
      'Purged ended sign-ins, old invitations and e-mail links, and old webhook ids',
    );
    return result;
  }
}
