import { SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Booth, Event, Membership, Session } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import type { ActionTarget, EventAction, InstallationAction, MembershipRole } from './policy';
import type { Principal } from './principal';

/**
 * Who may call a route. Every route declares one (a test reads them from the OpenAPI
 * document); the global `AccessGuard` applies it before the handler runs.
 */
export type AccessRule =
  /** Anyone; a token, when sent, still identifies the caller. */
  | { kind: 'public' }
  /** Any signed-in person; the route reads or changes only the caller's own data. */
  | { kind: 'signed-in' }
  /** A right on the installation as a whole (not within one event). */
  | { kind: 'installation'; action: InstallationAction }
  /**
   * A right within the event named by the route's `:slug`. `session` and `booth` name the
   * route parameter that holds the session's id or the booth's id or slug: the guard finds it
   * within the event (404 otherwise) and checks the action on it.
   */
  | { kind: 'event'; action: EventAction; session?: string; booth?: string };

export const ACCESS_RULE = 'plenum:access-rule';
/** The extension under which each operation's rule appears in the OpenAPI document. */
export const ACCESS_EXTENSION = 'x-plenum-access';

function declare(rule: AccessRule, signedIn: boolean): MethodDecorator & ClassDecorator {
  const decorators = [SetMetadata(ACCESS_RULE, rule), ApiExtension(ACCESS_EXTENSION, rule)];
  if (signedIn) decorators.push(ApiBearerAuth());
  return applyDecorators(...decorators);
}

/** Marks a route that needs no access token. */
export const Public = (): MethodDecorator & ClassDecorator => declare({ kind: 'public' }, false);

/** Any signed-in person, acting on their own data. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  declare({ kind: 'signed-in' }, true);

/** A right on the installation, such as creating events. */
export const InstallationAccess = (action: InstallationAction): MethodDecorator & ClassDecorator =>
  declare({ kind: 'installation', action }, true);

/**
 * A right within the route's event: `@EventAccess('programme.edit')`, or on one session or
 * booth of it: `@EventAccess('session.moderate', { session: 'sessionId' })`. The handler gets
 * what the guard resolved through `@Access()`.
 */
export const EventAccess = (
  action: EventAction,
  target: { session?: string; booth?: string } = {},
): MethodDecorator & ClassDecorator => declare({ kind: 'event', action, ...target }, true);

export const OWN_AUTHORIZATION = 'plenum:own-authorization';

/**
 * A public route whose Authorization header belongs to another scheme (LiveKit signs webhooks
 * with a bare token there); the guard leaves the header to the route.
 */
export const OwnAuthorization = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(OWN_AUTHORIZATION, true), Public());

/**
 * What the guard resolved for an `@EventAccess` route whose action visitors may take when the
 * event allows it (`visitorPolicy`): `principal` is unset for someone not signed in, and
 * `memberships` empty for someone outside the event.
 */
export interface ViewerAccess {
  principal?: Principal;
  event: Event;
  memberships: Membership[];
  /** The memberships' roles and the sessions the person speaks on: what the policy reads. */
  roles: MembershipRole[];
  /** The session the rule names, found within the event. */
  session?: Session;
  /** The booth the rule names, found within the event. */
  booth?: Booth;
  /** Whether the same person may also do another action (for flags in a view). */
  can(action: EventAction, target?: ActionTarget): boolean;
}

/** What the guard resolved for an `@EventAccess` route: a signed-in member's access. */
export interface ResolvedAccess extends ViewerAccess {
  principal: Principal;
}

/** For a rule that names a session: the guard found it within the event. */
export type SessionAccess = ResolvedAccess & { session: Session };

/** For a rule that names a booth: the guard found it within the event. */
export type BoothAccess = ResolvedAccess & { booth: Booth };

export type AuthenticatedRequest = FastifyRequest & {
  principal?: Principal;
  access?: ViewerAccess;
};

/** The signed-in caller; on a public route, undefined when nobody is signed in. */
export const CurrentPrincipal = createParamDecorator(
  (options: { optional?: boolean } | undefined, ctx: ExecutionContext): Principal | undefined => {
    const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.principal && !options?.optional) throw PlenumError.unauthenticated();
    return request.principal;
  },
);

function resolvedAccess(ctx: ExecutionContext): ViewerAccess {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.access) {
    throw new PlenumError('INTERNAL', 'This route declares no event access', 500);
  }
  return request.access;
}

/** The event, memberships and target an `@EventAccess` rule resolved for a signed-in member. */
export const Access = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const access = resolvedAccess(ctx);
  if (!access.principal) throw PlenumError.unauthenticated();
  return access as ResolvedAccess;
});

/** The same for an action visitors may take: the principal may be missing. */
export const Viewer = createParamDecorator((_data: unknown, ctx: ExecutionContext): ViewerAccess =>
  resolvedAccess(ctx),
);
