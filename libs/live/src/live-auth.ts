import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { AccessChangesService, AccessTokenService, RevocationsService } from '@plenum/identity';
import type { AccessChange } from '@plenum/identity';
import { closeRedisClient, logOutages, PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import { LiveRepository } from './live.repository';

/** Who is on a socket, fixed at the handshake. */
export interface LiveUser {
  userId: string;
  /** The auth session (signed-in device); its revocation closes the socket. */
  sessionId: string;
  displayName: string;
}

type RevocationListener = (sessionIds: string[]) => void;
type AccessChangeListener = (change: AccessChange) => void;

/**
 * Authenticates sockets in the handshake and tells the gateway when auth sessions end
 * (logout, a replayed refresh token, a disabled account), so their sockets close at once, and
 * when a person's rights in an event change, so their sockets' rights are looked at again. One
 * subscriber connection hears both channels.
 */
@Injectable()
export class LiveAuth implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveAuth.name);
  private readonly listeners = new Set<RevocationListener>();
  private readonly changeListeners = new Set<AccessChangeListener>();
  private subscriber: Redis | undefined;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly revocations: RevocationsService,
    private readonly accessChanges: AccessChangesService,
    private readonly repository: LiveRepository,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Reads only `auth.token`: a token in the query string would end up in access logs. */
  async authenticate(auth: unknown): Promise<LiveUser> {
    const token = (auth as { token?: unknown } | null | undefined)?.token;
    if (typeof token !== 'string' || token === '' || token.length > 4096) {
      throw PlenumError.unauthenticated('Send the access token in the handshake as auth.token');
    }
    const principal = await this.tokens.verify(token);
    if (await this.revocations.isRevoked(principal.sessionId)) {
      throw PlenumError.unauthenticated('You have been signed out; sign in again');
    }
    const user = await this.repository.user(principal.userId);
    if (!user || user.disabledAt) throw PlenumError.unauthenticated('This account is disabled');
    return { userId: user.id, sessionId: principal.sessionId, displayName: user.displayName };
  }

  onRevoked(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onAccessChanged(listener: AccessChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async onModuleInit(): Promise<void> {
    const channel = this.keys.key('auth', 'revocations');
    const changes = this.accessChanges.channel;
    this.subscriber = logOutages(this.redis.duplicate(), 'live auth subscriber');
    this.subscriber.on('message', (from: string, message: string) => {
      if (from === changes) {
        const change = this.accessChanges.parse(message);
        if (!change) {
          this.logger.warn(`Ignoring a malformed message on ${changes}`);
          return;
        }
        for (const listener of this.changeListeners) listener(change);
        return;
      }
      let ids: unknown;
      try {
        ids = JSON.parse(message);
      } catch {
        this.logger.warn(`Ignoring a malformed revocation message on ${channel}`);
        return;
      }
      if (!Array.isArray(ids)) return;
      const sessionIds = ids.filter((id): id is string => typeof id === 'string');
      for (const listener of this.listeners) listener(sessionIds);
    });
    await this.subscriber.subscribe(channel, changes);
  }

  async onModuleDestroy(): Promise<void> {
    await closeRedisClient(this.subscriber);
  }
}
