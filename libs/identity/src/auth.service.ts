import { Inject, Injectable, Logger } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { LoginRequest, SignInView, UserView } from '@plenum/contracts';
import type { User } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import { AccessTokenService } from './access-token.service';
import { AuthRepository } from './auth.repository';
import { InvitationsService } from './invitations.service';
import { LoginThrottleService } from './login-throttle.service';
import type { Principal } from './principal';
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
    private readonly auth: AuthRepository,
    private readonly tokens: AccessTokenService,
    private readonly throttle: LoginThrottleService,
    private readonly revocations: RevocationsService,
    private readonly invitations: InvitationsService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async login(
    input: LoginRequest,
    address: string,
    userAgent: string | undefined,
  ): Promise<SignedIn> {
    await this.throttle.assertAllowed(input.email, address);
    const user = await this.auth.userWithPassword(input.email);
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

  /** A new signed-in device for an account whose owner has proven who they are. */
  async startSession(user: User, userAgent: string | undefined): Promise<SignedIn> {
    const secret = newSecret();
    const session = await this.auth.insertSignIn({
      userId: user.id,
      tokenHash: secret.hash,
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return {
      accessToken: await this.tokens.sign({ userId: user.id, sessionId: session.id }),
      expiresInSeconds: this.tokens.ttlSeconds,
      user: toUserView(user),
      refreshToken: secret.token,
    };
  }

  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    if (!refreshToken) throw refreshInvalid();
    const hash = hashSecret(refreshToken);
    const outcome = await this.auth.transaction(
      async (manager): Promise<SignedIn | { replayed: string }> => {
        const current = await this.auth.lockSignInByToken(manager, hash);
        if (!current) {
          const retired = await this.auth.retiredToken(manager, hash);
          if (retired) return { replayed: retired.authSessionId };
          throw refreshInvalid();
        }
        if (current.revokedAt || current.expiresAt.getTime() <= Date.now()) throw refreshInvalid();
        const user = await this.auth.user(manager, current.userId);
        if (!user || user.disabledAt) throw refreshInvalid();
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
          return { replayed: current.id };
        }
        const next = newSecret();
        // The token leaving the grace window is remembered, so its return is recognised too.
        if (current.previousTokenHash) {
          await this.auth.retireToken(manager, current.previousTokenHash, current.id);
        }
        await this.auth.rotate(manager, current.id, current.tokenHash, next.hash);
        return {
          accessToken: await this.tokens.sign(principal),
          expiresInSeconds: this.tokens.ttlSeconds,
          user: toUserView(user),
          refreshToken: next.token,
        };
      },
    );
    if ('replayed' in outcome) {
      await this.endReplayedSession(outcome.replayed);
      throw refreshInvalid();
    }
    return outcome;
  }

  /**
   * A rotated-out token came back: someone holds a copy. The whole session ends, committed on
   * its own (not in the transaction that the refusal rolls back), in Redis for the access tokens
   * still out, and on the revocation channel that closes its sockets.
   */
  private async endReplayedSession(sessionId: string): Promise<void> {
    await this.auth.revokeIfActive(sessionId);
    await this.revocations.revoke([sessionId]);
    this.logger.warn({ authSessionId: sessionId }, 'Refresh token replay; session revoked');
  }

  /** Ends the signed-in device named by the refresh cookie or by the access token's session. */
  async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
    const hash = refreshToken ? hashSecret(refreshToken) : undefined;
    const session = hash
      ? await this.auth.signInByToken(hash)
      : sessionId
        ? await this.auth.signIn(sessionId)
        : null;
    if (!session) return;
    await this.auth.revoke([session.id]);
    await this.revocations.revoke([session.id]);
  }

  /** Ends every signed-in device of a person (account disabled, password changed), or all but one. */
  async revokeAllSessions(userId: string, except?: string): Promise<void> {
    const active = (await this.auth.activeSignIns(userId)).filter((id) => id !== except);
    if (active.length === 0) return;
    await this.auth.revoke(active);
    await this.revocations.revoke(active);
  }

  /** The person's signed-in devices, the one asking marked. */
  async signIns(principal: Principal): Promise<SignInView[]> {
    const sessions = await this.auth.activeSignInsOf(principal.userId);
    return sessions.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      current: s.id === principal.sessionId,
    }));
  }

  /** Ends one of the person's own sign-ins; someone else's is answered as not found. */
  async endSignIn(principal: Principal, id: string): Promise<void> {
    const session = await this.auth.signIn(id);
    if (!session || session.userId !== principal.userId)
      throw new PlenumError('NOT_FOUND', 'No such sign-in', 404);
    if (session.revokedAt) return;
    await this.auth.revoke([session.id]);
    await this.revocations.revoke([session.id]);
  }

  /**
   * Sets the first password of an account an invitation made, accepts the invitation and signs
   * in. An account that has a password is refused without a change (InvitationsService).
   */
  async acceptInvitation(
    token: string,
    password: string,
    userAgent: string | undefined,
  ): Promise<SignedIn> {
    const user = await this.invitations.acceptSettingPassword(token, await hashPassword(password));
    if (user.disabledAt)
      throw new PlenumError('INVALID_CREDENTIALS', 'This account is disabled', 401);
    return this.startSession(user, userAgent);
  }
}

function refreshInvalid(): PlenumError {
  return new PlenumError('REFRESH_INVALID', 'Your sign-in has ended; sign in again', 401);
}
