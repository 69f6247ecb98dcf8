import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { PlenumError, REDIS, RedisKeys } from '@plenum/platform';

/** Token buckets per person and kind of socket event: `perSecond` refill, `burst` capacity. */
export const liveRateLimits = {
  chat: { perSecond: 1, burst: 5 },
  reaction: { perSecond: 5, burst: 10 },
  join: { perSecond: 5, burst: 20 },
  history: { perSecond: 5, burst: 10 },
  moderation: { perSecond: 2, burst: 10 },
  question: { perSecond: 0.2, burst: 5 },
  vote: { perSecond: 10, burst: 30 },
} as const;
export type LiveRateKind = keyof typeof liveRateLimits;

/*
 * One round trip per check; ioredis sends the checks of concurrent events on one connection
 * without waiting for earlier replies, so they pipeline. Redis's own clock is used so that every api instance refills the
 * same bucket at the same pace. Returns 0 when a token was taken, else the wait in ms.
 */
const TAKE_TOKEN = `
local rate = tonumber(ARGV[1]) / 1000
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return wait
`;

/** The script as a command: sent by its SHA (EVALSHA), not as 700 bytes of Lua per event. */
interface RateLimitedRedis extends Redis {
  plenumTakeToken(key: string, perSecond: number, burst: number): Promise<number>;
}

@Injectable()
export class RateLimitService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    if (!('plenumTakeToken' in redis)) {
      redis.defineCommand('plenumTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
    }
  }

  /** Takes one token or throws RATE_LIMITED with how long to wait. */
  async consume(kind: LiveRateKind, userId: string): Promise<void> {
    const { perSecond, burst } = liveRateLimits[kind];
    const wait = await (this.redis as RateLimitedRedis).plenumTakeToken(
      this.keys.key('live', 'rate', kind, userId),
      perSecond,
      burst,
    );
    if (wait > 0) {
      throw new PlenumError(
        'RATE_LIMITED',
        `Slow down: try again in ${Math.ceil(wait / 1000)} s`,
        429,
        {
          retryAfterMs: wait,
        },
      );
    }
  }
}
