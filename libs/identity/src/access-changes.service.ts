import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { z } from 'zod';
import { roomAccessReasons } from '@plenum/contracts';
import { REDIS, RedisKeys } from '@plenum/platform';

export const accessChangeSchema = z.object({
  userId: z.uuid(),
  eventId: z.uuid(),
  reason: z.enum(roomAccessReasons),
});
/** A person's rights within an event changed: a membership or a workshop registration. */
export type AccessChange = z.infer<typeof accessChangeSchema>;

/**
 * Tells every api instance that a person's rights in an event changed, so that what their open
 * sockets hold (joined rooms, moderation rights) is looked at again. Published on a Redis channel
 * after the change is committed, by whichever lib made it (identity for memberships, workshops
 * for registrations); the live gateway listens. A failed publish is logged, not thrown: the
 * change itself stands, and the rights are read afresh on the next join.
 */
@Injectable()
export class AccessChangesService {
  private readonly logger = new Logger(AccessChangesService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** The channel, `<prefix>:access:changes`. */
  get channel(): string {
    return this.keys.key('access', 'changes');
  }

  async publish(change: AccessChange): Promise<void> {
    try {
      await this.redis.publish(this.channel, JSON.stringify(change));
    } catch (err) {
      this.logger.error(
        { err, ...change },
        `Publishing the access change of ${change.userId} failed`,
      );
    }
  }

  /** A message from the channel, or null when it is not one of ours. */
  parse(message: string): AccessChange | null {
    try {
      const parsed = accessChangeSchema.safeParse(JSON.parse(message));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
