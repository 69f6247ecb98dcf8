import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { PlenumError, REDIS, RedisKeys } from '@plenum/platform';

/**
 * Counts failed logins per account and per client address in fixed windows. An account is
 * locked for the rest of the window after too many failures; so is an address that tries many
 * accounts (credential stuffing).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  private accountKey(email: string): string {
    return this.keys.key('login-failures', 'account', email);
  }

  private addressKey(address: string): string {
    return this.keys.key('login-failures', 'address', address);
  }

  async assertAllowed(email: string, address: string): Promise<void> {
    const { perAccount, perAddress } = this.config.loginThrottle;
    const [[, account], [, byAddress]] = (await this.redis
      .pipeline()
      .get(this.accountKey(email))
      .get(this.addressKey(address))
      .exec()) as [[Error | null, string | null], [Error | null, string | null]];
    const over: string[] = [];
    if (Number(account ?? 0) >= perAccount) over.push(this.accountKey(email));
    if (Number(byAddress ?? 0) >= perAddress) over.push(this.addressKey(address));
    if (over.length === 0) return;
    const ttls = await Promise.all(over.map((k) => this.redis.pttl(k)));
    const retryAfterMs = Math.max(1000, ...ttls);
    throw new PlenumError(
      'LOGIN_THROTTLED',
      'Too many failed sign-in attempts. Wait a little and try again.',
      429,
      { retryAfterMs },
    );
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const window = this.config.loginThrottle.windowSeconds;
    const pipeline = this.redis.pipeline();
    for (const key of [this.accountKey(email), this.addressKey(address)]) {
      pipeline.incr(key);
      // NX: the window starts with the first failure and is not extended by later ones.
      pipeline.expire(key, window, 'NX');
    }
    await pipeline.exec();
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.accountKey(email));
  }
}
