import { Injectable } from '@nestjs/common';
import type { Booth, Event, Membership, Session } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import { AccessRepository } from './access.repository';
import type { AccessContext } from './access.repository';
import type { ViewerAccess } from './access.decorators';
import { allows, installationPolicy, visitorPolicy } from './policy';
import type { ActionTarget, EventAction, InstallationAction, MembershipRole } from './policy';
import type { Principal } from './principal';

export type { ActionTarget, EventAction, MembershipRole } from './policy';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** References to the session or booth a rule is about, as the route names them. */
export interface TargetRefs {
  /** A session's id. */
  sessionRef?: string;
  /** A booth's id or slug. */
  boothRef?: string;
}

/**
 * Resolves events, memberships and targets and applies the policy table (`policy.ts`). The
 * `AccessGuard` calls it for HTTP routes, the live gateway for socket events.
 */
@Injectable()
export class PermissionsService {
  constructor(private readonly access: AccessRepository) {}

  /**
   * What the person is within the event: their memberships, and a speaker role for each
   * session their speaker profile is on (an organizer links a profile to an account, and that
   * makes the person a speaker of those sessions, member or not). One statement.
   */
  async rolesOf(
    userId: string,
    eventId: string,
  ): Promise<{ memberships: Membership[]; roles: MembershipRole[] }> {
    const context = await this.access.contextById(eventId, userId);
    return context ? rolesIn(context) : { memberships: [], roles: [] };
  }

  /** True when one of the memberships allows the action on the target. */
  allows(memberships: MembershipRole[], action: EventAction, target: ActionTarget = {}): boolean {
    return allows(memberships, action, target);
  }

  /**
   * The one event-scoped check. Someone with no membership in the event learns nothing about
   * its private data (404), nor does anyone learn of a session or booth outside the event; a
   * member without the right role is told no (403). The event and the person's roles in it
   * come in one statement; a session or booth the rule names, in one more.
   */
  async resolve(
    principal: Principal | undefined,
    slug: string,
    action: EventAction,
    refs: TargetRefs = {},
  ): Promise<ViewerAccess> {
    const context = slug ? await this.access.context(slug, principal?.userId ?? null) : null;
    if (!context) throw PlenumError.notFound('Event not found');
    const { event } = context;
    const { memberships, roles } = principal ? rolesIn(context) : { memberships: [], roles: [] };
    const visitor = roles.length === 0;
    if (visitor && !visitorPolicy[action]?.(event)) {
      if (!principal) throw PlenumError.unauthenticated();
      throw PlenumError.notFound('Event not found');
    }
    const session = refs.sessionRef === undefined ? undefined : await this.session(event, refs);
    const booth = refs.boothRef === undefined ? undefined : await this.booth(event, refs);
    const target: ActionTarget = { sessionId: session?.id, boothId: booth?.id };
    if (!visitor && !allows(roles, action, target)) throw PlenumError.forbidden();
    return {
      principal,
      event,
      memberships,
      roles,
      session,
      booth,
      can: (other, otherTarget = target) => allows(roles, other, otherTarget),
    };
  }

  private async session(event: Event, refs: TargetRefs): Promise<Session> {
    const id = refs.sessionRef ?? '';
    const session = uuidPattern.test(id) ? await this.access.session(event.id, id) : null;
    if (!session) throw PlenumError.notFound('Session not found');
    return session;
  }

  private async booth(event: Event, refs: TargetRefs): Promise<Booth> {
    const ref = refs.boothRef ?? '';
    const booth = await this.access.booth(
      event.id,
      uuidPattern.test(ref) ? { id: ref } : { slug: ref },
    );
    if (!booth) throw PlenumError.notFound('Booth not found');
    return booth;
  }

  /** Installation rights: platform admins may do anything; the rest as `installationPolicy` says. */
  async mayOnInstallation(principal: Principal, action: InstallationAction): Promise<boolean> {
    const facts = await this.access.installationFacts(principal.userId, installationPolicy[action]);
    if (!facts || facts.disabled) return false;
    return facts.isPlatformAdmin || facts.holdsRole;
  }
}

/** The memberships' roles, and a speaker role on each session the person's profile is on. */
function rolesIn(context: AccessContext): { memberships: Membership[]; roles: MembershipRole[] } {
  const roles: MembershipRole[] = context.memberships.map(({ role, sessionId, boothId }) => ({
    role,
    sessionId,
    boothId,
  }));
  for (const sessionId of context.profileSessionIds) {
    roles.push({ role: 'speaker', sessionId, boothId: null });
  }
  return { memberships: context.memberships, roles };
}
