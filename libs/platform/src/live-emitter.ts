import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { LIVE_NAMESPACE } from '@plenum/contracts';
import type { ServerToClientEvents } from '@plenum/contracts';
import { REDIS } from './redis.module';

/** The Redis channel prefix shared by the Socket.IO Redis adapter and this emitter. */
export function socketIoKey(config: PlenumConfig): string {
  return `${config.redisPrefix}:socket.io`;
}

/**
 * The one way services reach browsers: publishes to Socket.IO rooms through Redis, so it works
 * the same from the api and from the worker, and across api instances.
 */
@Injectable()
export class LiveEmitter {
  private readonly emitter;

  constructor(@Inject(REDIS) redis: Redis, @Inject(PLENUM_CONFIG) config: PlenumConfig) {
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: socketIoKey(config) }).of(
      LIVE_NAMESPACE,
    );
  }

  to(room: string | string[]): ReturnType<typeof this.emitter.to> {
    return this.emitter.to(room);
  }
}
