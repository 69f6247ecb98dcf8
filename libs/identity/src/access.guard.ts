import { Injectable, Logger } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PlenumError } from '@plenum/platform';
import { AccessTokenService } from './access-token.service';
import { ACCESS_RULE, OWN_AUTHORIZATION } from './access.decorators';
import type { AccessRule, AuthenticatedRequest } from './access.decorators';
import { PermissionsService } from './permissions.service';
import { visitorPolicy } from './policy';
import type { Principal } from './principal';
import { RevocationsService } from './revocations.service';

/**
 * The one global guard. It authenticates the bearer token, then applies the route's declared
 * access rule (`@Public`, `@Authenticated`, `@InstallationAccess`, `@EventAccess`); a route that
 * declares none is refused, so a forgotten declaration fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly revocations: RevocationsService,
    private readonly permissions: PermissionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OWN_AUTHORIZATION, targets)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!rule) {
      this.logger.error(
        { route: request.routeOptions.url, method: request.method },
        'route declares no access rule',
      );
      throw new PlenumError('INTERNAL', 'This route declares no access rule', 500);
    }

    const principal = await this.authenticate(request);
    if (
      !principal &&
      rule.kind !== 'public' &&
      !(rule.kind === 'event' && visitorPolicy[rule.action])
    ) {
      throw PlenumError.unauthenticated();
    }
    request.principal = principal;

    switch (rule.kind) {
      case 'public':
      case 'signed-in':
        return true;
      case 'installation':
        if (!principal || !(await this.permissions.mayOnInstallation(principal, rule.action))) {
          throw PlenumError.forbidden();
        }
        return true;
      case 'event': {
        const params = (request.params ?? {}) as Record<string, string | undefined>;
        request.access = await this.permissions.resolve(principal, params.slug ?? '', rule.action, {
          sessionRef: rule.session ? (params[rule.session] ?? '') : undefined,
          boothRef: rule.booth ? (params[rule.booth] ?? '') : undefined,
        });
        return true;
      }
    }
  }

  /** The caller of a request with a bearer token; undefined without one. */
  private async authenticate(request: AuthenticatedRequest): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match?.[1])
      throw PlenumError.unauthenticated('Send the access token as "Authorization: Bearer <token>"');
    const principal = await this.tokens.verify(match[1]);
    if (await this.revocations.isRevoked(principal.sessionId)) {
      throw PlenumError.unauthenticated('You have been signed out; sign in again');
    }
    return principal;
  }
}
