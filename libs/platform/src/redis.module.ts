import { Global, Inject, Module } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { closeRedisClient } from './close-redis';

export const REDIS = Symbol('REDIS');

/** Builds a Redis key under the installation's prefix, so several installations share a server. */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  key(...parts: Array<string | number>): string {
    return [this.prefix, ...parts].join(':');
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) =>
        new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true }),
    },
    {
      provide: RedisKeys,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) => new RedisKeys(config.redisPrefix),
    },
  ],
  exports: [REDIS, RedisKeys],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedisClient(this.redis);
  }
}
