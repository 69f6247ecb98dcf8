import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { closeRedisClient, REDIS, RedisKeys } from '@plenum/platform';

/** One rendered answer, kept as bytes so a hit costs no serialisation. */
export interface CachedBody {
  eventId: string;
  etag: string;
  json: Buffer;
  gzip: Buffer;
  storedAt: number;
}

// A safety net only: changes invalidate at once; this bounds what a missed message can cost.
const MAX_AGE_MS = 5 * 60_000;
const MAX_ENTRIES = 500;

/**
 * Per-instance cache of rendered public programme answers. Every change in an event publishes
 * its id on a Redis channel; every api instance drops its entries for that event, so several
 * instances stay correct without a shared cache. A per-event generation counter keeps a render
 * that started before a change from being stored after it.
 */
@Injectable()
export class ProgrammeCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProgrammeCache.name);
  private readonly entries = new Map<string, CachedBody>();
  private readonly inFlight = new Map<string, Promise<CachedBody>>();
  private readonly generations = new Map<string, number>();
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    keys: RedisKeys,
  ) {
    this.channel = keys.key('programme', 'changed');
  }

  async onModuleInit(): Promise<void> {
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, eventId: string) => this.dropLocal(eventId));
    // Messages sent while the connection was down are lost, so a reconnect forgets everything.
    subscriber.on('ready', () => this.clear());
    subscriber.on('error', (err: Error) =>
      this.logger.warn({ err }, 'programme cache channel failed'),
    );
    await subscriber.subscribe(this.channel);
  }

  async onModuleDestroy(): Promise<void> {
    await closeRedisClient(this.subscriber);
  }

  /** The cached answer under `key` if it is there and fresh; never renders. */
  peek(key: string): CachedBody | undefined {
    const hit = this.entries.get(key);
    return hit && Date.now() - hit.storedAt < MAX_AGE_MS ? hit : undefined;
  }

  /** The cached answer under `key`, rendering it once however many requests ask at the same time. */
  async get(key: string, eventId: string, render: () => Promise<unknown>): Promise<CachedBody> {
    const hit = this.peek(key);
    if (hit) return hit;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const generation = this.generations.get(eventId) ?? 0;
    const promise = render()
      .then((value) => {
        const json = Buffer.from(JSON.stringify(value));
        const body: CachedBody = {
          eventId,
          etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
          json,
          gzip: gzipSync(json),
          storedAt: Date.now(),
        };
        if ((this.generations.get(eventId) ?? 0) === generation) {
          if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
          this.entries.set(key, body);
        }
        return body;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Call after the change is committed: drops this instance's entries and tells the others. */
  async invalidate(eventId: string): Promise<void> {
    this.dropLocal(eventId);
    try {
      await this.redis.publish(this.channel, eventId);
    } catch (err) {
      this.logger.warn({ err, eventId }, 'could not announce programme change');
    }
  }

  private dropLocal(eventId: string): void {
    this.generations.set(eventId, (this.generations.get(eventId) ?? 0) + 1);
    for (const [key, entry] of this.entries) {
      if (entry.eventId === eventId) this.entries.delete(key);
    }
    for (const key of this.inFlight.keys()) {
      if (key.startsWith(`${eventId}|`)) this.inFlight.delete(key);
    }
  }

  private clear(): void {
    for (const eventId of new Set([...this.entries.values()].map((e) => e.eventId))) {
      this.dropLocal(eventId);
    }
  }
}
