import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { PresenceCounter } from '@plenum/contracts';
import { LiveEmitter, REDIS, RedisKeys } from '@plenum/platform';
import { LiveRepository } from './live.repository';

const BROADCAST_EVERY_MS = 1000;
const REFRESH_EVERY_MS = 15_000;
/** An entry not refreshed for this long belongs to an instance that stopped; it drops out. */
const ENTRY_TTL_MS = 45_000;

/**
 * Counts the people in a room across api instances. Each room has a sorted set in Redis of
 * user ids scored by when the entry expires; each instance refreshes the people it holds.
 * Counts go out at most once a second per room, and only when they changed. Booths reuse it
 * with their own counter ("staff online").
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PresenceService.name);
  /** room|counter → user id → sockets of that person on this instance. */
  private readonly local = new Map<string, Map<string, number>>();
  /** room|counter → user id → the open presence_intervals row written for them. */
  private readonly intervals = new Map<string, Map<string, Promise<string | null>>>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly emitter: LiveEmitter,
    private readonly repository: LiveRepository,
  ) {}

  onModuleInit(): void {
    this.timers = [
      setInterval(() => void this.broadcastChanged(), BROADCAST_EVERY_MS),
      setInterval(() => void this.refresh(), REFRESH_EVERY_MS),
    ];
  }

  async onModuleDestroy(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    // A graceful stop closes the stays this instance still holds; a crash leaves them open.
    const open = [...this.intervals.values()].flatMap((people) => [...people.values()]);
    this.intervals.clear();
    const ids = (await Promise.all(open)).filter((id): id is string => id !== null);
    if (ids.length > 0) {
      await this.repository
        .closeStays(ids)
        .catch((err: unknown) => this.logger.warn({ err }, 'Closing presence failed'));
    }
  }

  /**
   * Counts the person in the room; with `eventId`, their stay is also written down for the
   * organizers' reports (one row per person, room and instance, closed when they leave).
   */
  async enter(
    room: string,
    userId: string,
    counter: PresenceCounter = 'viewers',
    eventId?: string,
  ): Promise<void> {
    const id = slot(room, counter);
    const people = this.local.get(id) ?? new Map<string, number>();
    this.local.set(id, people);
    const sockets = (people.get(userId) ?? 0) + 1;
    people.set(userId, sockets);
    if (sockets === 1) {
      if (eventId) this.openInterval(id, eventId, room, userId);
      await this.redis
        .multi()
        .zadd(this.setKey(id), Date.now() + ENTRY_TTL_MS, userId)
        .pexpire(this.setKey(id), ENTRY_TTL_MS)
        .sadd(this.dirtyKey(), id)
        .exec();
    }
  }

  async leave(room: string, userId: string, counter: PresenceCounter = 'viewers'): Promise<void> {
    const id = slot(room, counter);
    const people = this.local.get(id);
    const sockets = (people?.get(userId) ?? 0) - 1;
    if (!people || sockets < 0) return;
    if (sockets > 0) {
      people.set(userId, sockets);
      return;
    }
    people.delete(userId);
    if (people.size === 0) this.local.delete(id);
    this.closeInterval(id, userId);
    // Another instance may hold another tab of this person; it adds them back on its refresh.
    await this.redis.multi().zrem(this.setKey(id), userId).sadd(this.dirtyKey(), id).exec();
  }

  async count(room: string, counter: PresenceCounter = 'viewers'): Promise<number> {
    return this.redis.zcount(this.setKey(slot(room, counter)), Date.now(), '+inf');
  }

  /** Who is in the room now (across instances), e.g. which of a booth's staff are online. */
  async members(room: string, counter: PresenceCounter = 'viewers'): Promise<string[]> {
    return this.redis.zrangebyscore(this.setKey(slot(room, counter)), Date.now(), '+inf');
  }

  /** Sends the rooms whose count changed; a per-room gate in Redis holds every instance to 1/s. */
  async broadcastChanged(): Promise<void> {
    try {
      const dirty = await this.redis.spop(this.dirtyKey(), 500);
      for (const id of dirty) {
        const gate = await this.redis.set(this.gateKey(id), '1', 'PX', BROADCAST_EVERY_MS, 'NX');
        if (gate === null) {
          await this.redis.sadd(this.dirtyKey(), id);
          continue;
        }
        const key = this.setKey(id);
        const now = Date.now();
        const results = await this.redis
          .multi()
          .zremrangebyscore(key, '-inf', now)
          .zcard(key)
          .exec();
        const count = Number(results?.[1]?.[1] ?? 0);
        const previous = await this.redis.set(
          this.lastKey(id),
          String(count),
          'PX',
          86_400_000,
          'GET',
        );
        if (previous === String(count)) continue;
        const [room, counter] = unslot(id);
        this.emitter.to(room).emit('presence:count', { room, counter, count });
      }
    } catch (err) {
      this.logger.warn({ err }, 'Presence broadcast failed');
    }
  }

  private async refresh(): Promise<void> {
    if (this.local.size === 0) return;
    try {
      const expires = Date.now() + ENTRY_TTL_MS;
      const pipeline = this.redis.pipeline();
      for (const [id, people] of this.local) {
        const members = [...people.keys()].flatMap((userId) => [expires, userId]);
        if (members.length > 0) pipeline.zadd(this.setKey(id), ...members);
        pipeline.pexpire(this.setKey(id), ENTRY_TTL_MS);
        // Counts may also fall when another instance's entries expire, which nobody announces.
        pipeline.sadd(this.dirtyKey(), id);
      }
      await pipeline.exec();
    } catch (err) {
      this.logger.warn({ err }, 'Presence refresh failed');
    }
  }

  private openInterval(id: string, eventId: string, room: string, userId: string): void {
    const people = this.intervals.get(id) ?? new Map<string, Promise<string | null>>();
    this.intervals.set(id, people);
    // Reports are a statistic: a failed write must never keep anyone out of a room.
    const row = this.repository.openStay(eventId, room, userId).catch((err: unknown) => {
      this.logger.warn({ err, room, userId }, 'Recording presence failed');
      return null;
    });
    people.set(userId, row);
  }

  private closeInterval(id: string, userId: string): void {
    const people = this.intervals.get(id);
    const row = people?.get(userId);
    if (!people || !row) return;
    people.delete(userId);
    if (people.size === 0) this.intervals.delete(id);
    void row.then(async (intervalId) => {
      if (!intervalId) return;
      await this.repository
        .closeStays([intervalId])
        .catch((err: unknown) => this.logger.warn({ err }, 'Closing presence failed'));
    });
  }

  private setKey(id: string): string {
    return this.keys.key('live', 'presence', id);
  }

  private lastKey(id: string): string {
    return this.keys.key('live', 'presence-sent', id);
  }

  private gateKey(id: string): string {
    return this.keys.key('live', 'presence-gate', id);
  }

  private dirtyKey(): string {
    return this.keys.key('live', 'presence-dirty');
  }
}

function slot(room: string, counter: PresenceCounter): string {
  return `${room}|${counter}`;
}

function unslot(id: string): [string, PresenceCounter] {
  const at = id.lastIndexOf('|');
  return [id.slice(0, at), id.slice(at + 1) as PresenceCounter];
}
