import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { LoginRequest, UserView } from '@plenum/contracts';
import { AuthSession, Invitation, User } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import { AccessTokenService } from './access-token.service';
import { LoginThrottleService } from './login-throttle.service';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { RevocationsService } from './revocations.service';
import { hashSecret, newSecret } from './secrets';
import { toUserView } from './views';

export interface SignedIn {
  accessToken: string;
  expiresInSeconds: number;
  user: UserView;
  /** Set only when a new refresh token was issued (the cookie must be written). */
  refreshToken: string | null;
}

// Two tabs refreshing at the same moment both present the same token; the later one inside
// this window gets an access token instead of being treated as a replay.
const ROTATION_GRACE_MS = 30_000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly revocations: RevocationsService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async login(
    input: LoginRequest,
    address: string,
    userAgent: string | undefined,
  ): Promise<SignedIn> {
    await this.throttle.assertAllowed(input.email, address);
    const user = await this.users.findOne({
      where: { email: input.email },
      select: [
        'id',
        'email',
        'displayName',
        'locale',
        'isPlatformAdmin',
        'disabledAt',
        'passwordHash',
      ],
    });
    const valid = user?.passwordHash
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyPassword(await dummyPasswordHash(), input.password).then(() => false);
    if (!user || !valid || user.disabledAt) {
      await this.throttle.recordFailure(input.email, address);
      throw new PlenumError('INVALID_CREDENTIALS', 'E-mail address or password is wrong', 401);
    }
    await this.throttle.recordSuccess(input.email);
    return this.startSession(user, userAgent);
  }

  private async startSession(user: User, userAgent: string | undefined): Promise<SignedIn> {
    const secret = newSecret();
    const session = await this.sessions.save(
      this.sessions.create({
        userId: user.id,
        tokenHash: secret.hash,
        previousTokenHash: null,
        expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
        revokedAt: null,
        userAgent: userAgent?.slice(0, 300) ?? null,
      }),
    );
    return {
      accessToken: await this.tokens.sign({ userId: user.id, sessionId: session.id }),
      expiresInSeconds: this.tokens.ttlSeconds,
      user: toUserView(user),
      refreshToken: secret.token,
    };
  }

  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    if (!refreshToken) throw new PlenumError('REFRESH_INVALID', 'Not signed in', 401);
    const hash = hashSecret(refreshToken);
    return this.dataSource.transaction(async (manager) => {
      const sessions = manager.getRepository(AuthSession);
      const current = await sessions.findOne({
        where: [{ tokenHash: hash }, { previousTokenHash: hash }],
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.revokedAt || current.expiresAt.getTime() <= Date.now()) {
        throw new PlenumError('REFRESH_INVALID', 'Your sign-in has ended; sign in again', 401);
      }
      const user = await manager.getRepository(User).findOneBy({ id: current.userId });
      if (!user || user.disabledAt) {
        throw new PlenumError('REFRESH_INVALID', 'Your sign-in has ended; sign in again', 401);
      }
      const principal = { userId: user.id, sessionId: current.id };
      if (current.tokenHash !== hash) {
        if (Date.now() - current.lastUsedAt.getTime() <= ROTATION_GRACE_MS) {
          return {
            accessToken: await this.tokens.sign(principal),
            expiresInSeconds: this.tokens.ttlSeconds,
            user: toUserView(user),
            refreshToken: null,
          };
        }
        // A rotated-out token came back: someone holds a copy. End the whole session.
        await sessions.update(current.id, { revokedAt: new Date() });
        await this.revocations.revoke([current.id]);
        this.logger.warn(
          { userId: user.id, authSessionId: current.id },
          'Refresh token replay; session revoked',
        );
        throw new PlenumError('REFRESH_INVALID', 'Your sign-in has ended; sign in again', 401);
      }
      const next = newSecret();
      await sessions.update(current.id, {
        previousTokenHash: current.tokenHash,
        tokenHash: next.hash,
        lastUsedAt: new Date(),
      });
      return {
        accessToken: await this.tokens.sign(principal),
        expiresInSeconds: this.tokens.ttlSeconds,
        user: toUserView(user),
        refreshToken: next.token,
      };
    });
  }

  /** Ends the signed-in device named by the refresh cookie or by the access token's session. */
  async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
    const hash = refreshToken ? hashSecret(refreshToken) : undefined;
    const session = hash
      ? await this.sessions.findOne({ where: [{ tokenHash: hash }, { previousTokenHash: hash }] })
      : sessionId
        ? await this.sessions.findOneBy({ id: sessionId })
        : null;
    if (!session) return;
    await this.sessions.update(session.id, { revokedAt: new Date() });
    await this.revocations.revoke([session.id]);
  }

  /** Ends every signed-in device of a person (account disabled, password changed). */
  async revokeAllSessions(userId: string): Promise<void> {
    const active = await this.sessions.find({
      where: { userId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      select: ['id'],
    });
    if (active.length === 0) return;
    await this.sessions.update(
      active.map((s) => s.id),
      { revokedAt: new Date() },
    );
    await this.revocations.revoke(active.map((s) => s.id));
  }

  async acceptInvitation(
    token: string,
    password: string,
    userAgent: string | undefined,
  ): Promise<SignedIn> {
    const hash = hashSecret(token);
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const invitation = await manager.getRepository(Invitation).findOne({
        where: { tokenHash: hash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new PlenumError(
          'INVITATION_INVALID',
          'This invitation link is not valid any more. Ask the organizers for a new one.',
          410,
        );
      }
      await manager.getRepository(Invitation).update(invitation.id, { acceptedAt: new Date() });
      await manager.getRepository(User).update(invitation.userId, { passwordHash });
      return manager.getRepository(User).findOneByOrFail({ id: invitation.userId });
    });
    if (user.disabledAt)
      throw new PlenumError('INVALID_CREDENTIALS', 'This account is disabled', 401);
    return this.startSession(user, userAgent);
  }
}
