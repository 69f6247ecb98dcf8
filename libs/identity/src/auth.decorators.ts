import { SetMetadata, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PlenumError } from '@plenum/platform';
import type { Principal } from './principal';

export const IS_PUBLIC = 'plenum:is-public';

/** Marks a route that needs no access token. Every other route does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const OWN_AUTHORIZATION = 'plenum:own-authorization';

/**
 * A public route whose Authorization header belongs to another scheme (LiveKit signs webhooks
 * with a bare token there); the guard leaves the header to the route.
 */
export const OwnAuthorization = (): MethodDecorator & ClassDecorator =>
  SetMetadata(OWN_AUTHORIZATION, true);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The signed-in caller; on a public route, undefined when nobody is signed in. */
export const CurrentPrincipal = createParamDecorator(
  (options: { optional?: boolean } | undefined, ctx: ExecutionContext): Principal | undefined => {
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal && !options?.optional) throw PlenumError.unauthenticated();
    return request.principal;
  },
);
