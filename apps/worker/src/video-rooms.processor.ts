import { Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { workerJobLock } from '@plenum/config';
import { queueNames, videoJobSchema } from '@plenum/contracts';
import type { VideoJob } from '@plenum/contracts';
import { LiveKitRoomsService } from '@plenum/video';

const EVERY_MINUTE = 60_000;

/** Creates LiveKit rooms, with their limits, before the sessions that use them start. */
@Processor(queueNames.video, { ...workerJobLock() })
export class VideoRoomsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(VideoRoomsProcessor.name);

  constructor(
    private readonly rooms: LiveKitRoomsService,
    @InjectQueue(queueNames.video) private readonly queue: Queue<VideoJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.rooms.configured) {
      // A scheduler left over from a run with LiveKit would keep firing for nothing.
      await this.queue.removeJobScheduler('prepare-rooms');
      return;
    }
    await this.queue.upsertJobScheduler(
      'prepare-rooms',
      { every: EVERY_MINUTE },
      { name: 'prepare-rooms', data: { kind: 'prepare-rooms' } },
    );
  }

  async process(job: Job<unknown>): Promise<{ rooms: string[] }> {
    videoJobSchema.parse(job.data);
    const rooms = await this.rooms.prepareUpcoming();
    this.logger.debug({ jobId: job.id, rooms: rooms.length }, 'Prepared video rooms');
    return { rooms };
  }
}
