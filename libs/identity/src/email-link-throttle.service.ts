import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { PlenumError, REDIS, RedisKeys } from '@plenum/platform';

/**
 * Counts password-reset and sign-in link requests per e-mail address (the account it would
 * reach) and per client address in fixed windows. The count is by address as typed, known or
 * not, so the refusal tells nothing about which addresses have accounts.
 */
@Injectable()
export class EmailLinkThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  /** Counts this request and refuses it when either window is full. */
  async take(email: string, address: string): Promise<void> {
    const { perAccount, perAddress, windowSeconds } = this.config.emailLinkThrottle;
    const account = this.keys.key('email-links', 'account', email);
    const client = this.keys.key('email-links', 'address', address);
    const results = (await this.redis
      .pipeline()
      .incr(account)
      // NX: the window starts with the first request and is not extended by later ones.
      .expire(account, windowSeconds, 'NX')
      .incr(client)
      .expire(client, windowSeconds, 'NX')
      .exec()) as Array<[Error | null, number]>;
    const over: string[] = [];
    if ((results[0]?.[1] ?? 0) > perAccount) over.push(account);
    if ((results[2]?.[1] ?? 0) > perAddress) over.push(client);
    if (over.length === 0) return;
    const ttls = await Promise.all(over.map((k) => this.redis.pttl(k)));
    throw new PlenumError(
      'RATE_LIMITED',
      'Too many requests for an e-mail link. Wait a little and try again.',
      429,
      { retryAfterMs: Math.max(1000, ...ttls) },
    );
  }
}
