import { Inject, Injectable, Logger } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { LIVE_NAMESPACE } from '@plenum/contracts';
import type { ServerToClientEvents } from '@plenum/contracts';
import { ProcessFaults } from './process-faults';
import { REDIS } from './redis.module';

/** The Redis channel prefix shared by the Socket.IO Redis adapter and this emitter. */
export function socketIoKey(config: PlenumConfig): string {
  return `${config.redisPrefix}:socket.io`;
}

/** What a service may do with rooms: leave some out, and send them an event, and go on. */
export interface RoomEmitter {
  /** Leaves out the sockets in these rooms. */
  except(room: string | string[]): RoomEmitter;
  emit<E extends keyof ServerToClientEvents>(
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
}

interface BroadcastOperator {
  except(room: string | string[]): BroadcastOperator;
  emit(event: string, ...args: unknown[]): boolean;
}

/** What a Socket.IO emitter or adapter needs of a Redis client to publish. */
export interface Publisher {
  publish(channel: string, message: string | Buffer): Promise<number>;
}

/**
 * A publisher that never lets a failed publish (Redis away, `MaxRetriesPerRequestError`) reach
 * its caller: Socket.IO's emitter and adapter drop the promise `publish` returns, so a rejection
 * would end the process. The failure is logged with its error and counted instead. The promise
 * it returns resolves with 0 receivers when the publish failed.
 */
export function guardedPublisher(
  redis: Publisher,
  onFailure: (err: unknown, channel: string) => void,
): Publisher {
  return {
    publish: (channel, message) =>
      redis.publish(channel, message).catch((err: unknown) => {
        onFailure(err, channel);
        return 0;
      }),
  };
}

/**
 * The one way services reach browsers: publishes to Socket.IO rooms through Redis, so it works
 * the same from the api and from the worker, and across api instances.
 *
 * A broadcast is fire-and-forget and never throws or rejects: what it carries is already in
 * PostgreSQL (write, then broadcast), and a failed publish is logged, counted in
 * `ProcessFaults` ('emit-failed') and made good by the clients' catch-up (`room:resync`).
 */
@Injectable()
export class LiveEmitter {
  private readonly logger = new Logger(LiveEmitter.name);
  private readonly emitter;
  /** Failures since the last one logged, so an outage is a few log lines, not thousands. */
  private unlogged = 0;
  private lastLoggedAt = 0;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(PLENUM_CONFIG) config: PlenumConfig,
    private readonly faults: ProcessFaults,
  ) {
    const publisher = guardedPublisher(redis, (err, channel) => this.failed(err, channel));
    // The emitter only ever calls publish() on the client it is given.
    this.emitter = new Emitter<ServerToClientEvents>(publisher, {
      key: socketIoKey(config),
    }).of(LIVE_NAMESPACE);
  }

  /** The room or rooms to send to; the event goes out once to the union. */
  to(room: string | string[]): RoomEmitter {
    return this.rooms(this.emitter.to(room), String(room));
  }

  private rooms(operator: BroadcastOperator, label: string): RoomEmitter {
    return {
      except: (room) => this.rooms(operator.except(room), label),
      emit: (event, ...args) => {
        try {
          operator.emit(event, ...args);
        } catch (err) {
          // Encoding a payload can throw (a cycle, say): that, too, ends here.
          this.failed(err, label);
        }
      },
    };
  }

  private failed(err: unknown, channel: string): void {
    this.faults.count('emit-failed');
    const now = Date.now();
    if (now - this.lastLoggedAt < LOG_EVERY_MS) {
      this.unlogged++;
      return;
    }
    this.logger.warn(
      { err, channel, suppressed: this.unlogged },
      'A live broadcast failed; clients catch up from PostgreSQL when Redis is back',
    );
    this.unlogged = 0;
    this.lastLoggedAt = now;
  }
}

const LOG_EVERY_MS = 5_000;
