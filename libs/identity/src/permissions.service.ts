import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';
import { Booth, Event, Membership, Session, User } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
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
  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(Booth) private readonly booths: Repository<Booth>,
  ) {}

  membershipsOf(userId: string, eventId: string): Promise<Membership[]> {
    return this.memberships.find({ where: { userId, eventId } });
  }

  /**
   * What the person is within the event: their memberships, and a speaker role for each
   * session their speaker profile is on (an organizer links a profile to an account, and that
   * makes the person a speaker of those sessions, member or not).
   */
  async rolesOf(
    userId: string,
    eventId: string,
  ): Promise<{ memberships: Membership[]; roles: MembershipRole[] }> {
    const [memberships, onSessions] = await Promise.all([
      this.membershipsOf(userId, eventId),
      this.memberships.manager.query<Array<{ session_id: string }>>(
        `SELECT DISTINCT ss.session_id FROM session_speakers ss
           JOIN speakers sp ON sp.id = ss.speaker_id
          WHERE sp.user_id = $1 AND sp.event_id = $2`,
        [userId, eventId],
      ),
    ]);
    const roles: MembershipRole[] = memberships.map(({ role, sessionId, boothId }) => ({
      role,
      sessionId,
      boothId,
    }));
    for (const { session_id } of onSessions) {
      roles.push({ role: 'speaker', sessionId: session_id, boothId: null });
    }
    return { memberships, roles };
  }

  /** True when one of the memberships allows the action on the target. */
  allows(memberships: MembershipRole[], action: EventAction, target: ActionTarget = {}): boolean {
    return allows(memberships, action, target);
  }

  /**
   * The one event-scoped check. Someone with no membership in the event learns nothing about
   * its private data (404), nor does anyone learn of a session or booth outside the event; a
   * member without the right role is told no (403).
   */
  async resolve(
    principal: Principal | undefined,
    slug: string,
    action: EventAction,
    refs: TargetRefs = {},
  ): Promise<ViewerAccess> {
    const event = slug ? await this.events.findOneBy({ slug }) : null;
    if (!event) throw PlenumError.notFound('Event not found');
    const { memberships, roles } = principal
      ? await this.rolesOf(principal.userId, event.id)
      : { memberships: [], roles: [] };
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
    const session = uuidPattern.test(id)
      ? await this.sessions.findOneBy({ eventId: event.id, id })
      : null;
    if (!session) throw PlenumError.notFound('Session not found');
    return session;
  }

  private async booth(event: Event, refs: TargetRefs): Promise<Booth> {
    const ref = refs.boothRef ?? '';
    const booth = uuidPattern.test(ref)
      ? await this.booths.findOneBy({ eventId: event.id, id: ref })
      : await this.booths.findOneBy({ eventId: event.id, slug: ref });
    if (!booth) throw PlenumError.notFound('Booth not found');
    return booth;
  }

  /** Checks an action on an event already loaded (socket events and services). */
  async assertCan(
    principal: Principal,
    event: Event,
    action: EventAction,
    target: ActionTarget = {},
  ): Promise<{ event: Event; memberships: Membership[] }> {
    const memberships = await this.membershipsOf(principal.userId, event.id);
    if (memberships.length === 0) throw PlenumError.notFound('Event not found');
    if (!allows(memberships, action, target)) throw PlenumError.forbidden();
    return { event, memberships };
  }

  /**
   * Resolves an event by slug and checks the action in one step. Being replaced by
   * `@EventAccess` on the route; don't add new callers.
   */
  async eventFor(
    principal: Principal,
    slug: string,
    action: EventAction,
    target?: ActionTarget,
  ): Promise<{ event: Event; memberships: Membership[] }> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw PlenumError.notFound('Event not found');
    return this.assertCan(principal, event, action, target);
  }

  /** Installation rights: platform admins may do anything; the rest as `installationPolicy` says. */
  async mayOnInstallation(principal: Principal, action: InstallationAction): Promise<boolean> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user || user.disabledAt) return false;
    if (user.isPlatformAdmin) return true;
    const roles = installationPolicy[action];
    if (roles.length === 0) return false;
    return this.memberships.exists({ where: { userId: principal.userId, role: In([...roles]) } });
  }

  /** Platform admins and organizers of any event may create events. */
  canCreateEvents(principal: Principal): Promise<boolean> {
    return this.mayOnInstallation(principal, 'events.create');
  }
}
