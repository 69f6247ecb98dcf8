import { createSecretKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, errors, jwtVerify } from 'jose';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { PlenumError } from '@plenum/platform';
import type { Principal } from './principal';

const ISSUER = 'plenum';
const AUDIENCE = 'plenum-api';

/** Short-lived HS256 access tokens; the refresh token lives in an httpOnly cookie instead. */
@Injectable()
export class AccessTokenService {
  /** Imported once: jose would otherwise import raw key bytes again on every verify. */
  private readonly key: KeyObject;

  constructor(@Inject(PLENUM_CONFIG) private readonly config: PlenumConfig) {
    this.key = createSecretKey(Buffer.from(config.authSecret, 'utf8'));
  }

  get ttlSeconds(): number {
    return this.config.accessTokenTtlSeconds;
  }

  sign(principal: Principal): Promise<string> {
    return new SignJWT({ sid: principal.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.config.accessTokenTtlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
        throw PlenumError.unauthenticated('The access token is not valid');
      }
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (err) {
      if (err instanceof errors.JWTExpired) {
        throw new PlenumError('TOKEN_EXPIRED', 'The access token has expired; refresh it', 401);
      }
      if (err instanceof PlenumError) throw err;
      throw PlenumError.unauthenticated('The access token is not valid');
    }
  }
}
