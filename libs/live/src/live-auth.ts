import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { Repository } from 'typeorm';
import { User } from '@plenum/db';
import { AccessTokenService, RevocationsService } from '@plenum/identity';
import { closeRedisClient, PlenumError, REDIS, RedisKeys } from '@plenum/platform';

/** Who is on a socket, fixed at the handshake. */
export interface LiveUser {
  userId: string;
  /** The auth session (signed-in device); its revocation closes the socket. */
  sessionId: string;
  displayName: string;
}

type RevocationListener = (sessionIds: string[]) => void;

/**
 * Authenticates sockets in the handshake and tells the gateway when auth sessions end
 * (logout, a replayed refresh token, a disabled account), so their sockets close at once.
 */
@Injectable()
export class LiveAuth implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveAuth.name);
  private readonly listeners = new Set<RevocationListener>();
  private subscriber: Redis | undefined;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly revocations: RevocationsService,
    @InjectRepository(User) private readonly users: Repository<User>,
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
    const user = await this.users.findOne({
      where: { id: principal.userId },
      select: ['id', 'displayName', 'disabledAt'],
    });
    if (!user || user.disabledAt) throw PlenumError.unauthenticated('This account is disabled');
    return { userId: user.id, sessionId: principal.sessionId, displayName: user.displayName };
  }

  onRevoked(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onModuleInit(): Promise<void> {
    const channel = this.keys.key('auth', 'revocations');
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => {
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
    await this.subscriber.subscribe(channel);
  }

  async onModuleDestroy(): Promise<void> {
    await closeRedisClient(this.subscriber);
  }
}
