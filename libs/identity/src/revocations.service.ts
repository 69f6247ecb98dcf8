import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { REDIS, RedisKeys } from '@plenum/platform';

/**
 * Auth sessions ended before their access tokens expire (logout, disabled account). Kept in
 * Redis for one access-token lifetime, which is all the time such a token could still be used.
 */
@Injectable()
export class RevocationsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async revoke(sessionIds: string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const id of sessionIds) {
      pipeline.set(
        this.keys.key('auth', 'revoked', id),
        '1',
        'EX',
        this.config.accessTokenTtlSeconds + 60,
      );
    }
    await pipeline.exec();
    // Live connections (sockets) subscribe to this to close a revoked session's sockets at once.
    await this.redis.publish(this.keys.key('auth', 'revocations'), JSON.stringify(sessionIds));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.key('auth', 'revoked', sessionId))) === 1;
  }
}
