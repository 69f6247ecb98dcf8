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

/**
 * Reconnects quickly after an outage: 50 ms more per attempt, at most every 500 ms (ioredis
 * waits up to 2 s by default, which a chat would feel after Redis is back). Commands queued
 * meanwhile fail every `maxRetriesPerRequest + 1` attempts with MaxRetriesPerRequestError.
 */
export function redisRetryStrategy(times: number): number {
  return Math.min(times * 50, 500);
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) =>
        new Redis(config.redisUrl, {
          maxRetriesPerRequest: 3,
          enableOfflineQueue: true,
          retryStrategy: redisRetryStrategy,
        }),
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
