import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PlenumError } from '@plenum/platform';
import { AccessTokenService } from './access-token.service';
import { IS_PUBLIC, OWN_AUTHORIZATION } from './auth.decorators';
import type { AuthenticatedRequest } from './auth.decorators';
import { RevocationsService } from './revocations.service';

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked @Public(). On public
 * routes a token, when sent, still identifies the caller.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly revocations: RevocationsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTHORIZATION, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw PlenumError.unauthenticated();
    }
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match?.[1])
      throw PlenumError.unauthenticated('Send the access token as "Authorization: Bearer <token>"');
    const principal = await this.tokens.verify(match[1]);
    if (await this.revocations.isRevoked(principal.sessionId)) {
      throw PlenumError.unauthenticated('You have been signed out; sign in again');
    }
    request.principal = principal;
    return true;
  }
}
