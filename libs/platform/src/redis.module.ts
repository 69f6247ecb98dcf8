import { Global, Inject, Logger, Module } from '@nestjs/common';
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

/**
 * Logs a lost connection once per outage, and its return, instead of ioredis printing every
 * failed reconnect as an "Unhandled error event". Returns the client.
 */
export function logOutages(client: Redis, role: string): Redis {
  const logger = new Logger('Redis');
  let down = false;
  client.on('error', (err: unknown) => {
    if (down) return;
    down = true;
    logger.warn({ err, role }, `The ${role} Redis connection is lost; reconnecting`);
  });
  client.on('ready', () => {
    if (down) logger.log(`The ${role} Redis connection is back`);
    down = false;
  });
  return client;
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [PLENUM_CONFIG],
      useFactory: (config: PlenumConfig) =>
        logOutages(
          new Redis(config.redisUrl, {
            maxRetriesPerRequest: 3,
            enableOfflineQueue: true,
            retryStrategy: redisRetryStrategy,
          }),
          'shared',
        ),
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
