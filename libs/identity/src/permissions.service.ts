import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Role } from '@plenum/contracts';
import { Event, Membership, User } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import type { Principal } from './principal';

/** What a person may do within an event. Later features add their actions here. */
export type EventAction =
  | 'event.member'
  | 'event.update'
  | 'members.read'
  | 'members.invite'
  | 'programme.edit'
  | 'session.moderate'
  | 'session.present'
  | 'booth.manage'
  | 'audit.read'
  | 'reports.read'
  | 'chat.moderate';

/**
 * Which roles allow an action. A role held for a session or booth allows the action only on
 * that session or booth; an event-wide role allows it everywhere in the event.
 */
const policy: Record<EventAction, readonly Role[]> = {
  'event.member': ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'],
  'event.update': ['organizer'],
  'members.read': ['organizer'],
  'members.invite': ['organizer'],
  'programme.edit': ['organizer'],
  'session.moderate': ['organizer', 'moderator'],
  'session.present': ['organizer', 'moderator', 'speaker'],
  'booth.manage': ['organizer', 'exhibitor'],
  'audit.read': ['organizer'],
  'reports.read': ['organizer'],
  // A moderator scoped to a session moderates only that session's chat.
  'chat.moderate': ['organizer', 'moderator'],
};

export interface ActionTarget {
  sessionId?: string;
  boothId?: string;
}

/** What a permission check reads of a membership. */
export type MembershipRole = Pick<Membership, 'role' | 'sessionId' | 'boothId'>;

export interface EventAccess {
  event: Event;
  memberships: Membership[];
}

@Injectable()
export class PermissionsService {
  constructor(
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  membershipsOf(userId: string, eventId: string): Promise<Membership[]> {
    return this.memberships.find({ where: { userId, eventId } });
  }

  /** True when one of the memberships allows the action on the target. */
  allows(memberships: MembershipRole[], action: EventAction, target: ActionTarget = {}): boolean {
    const roles = policy[action];
    return memberships.some((m) => {
      if (!roles.includes(m.role)) return false;
      if (m.sessionId) return target.sessionId === m.sessionId;
      if (m.boothId) return target.boothId === m.boothId;
      return true;
    });
  }

  /**
   * The one event-scoped check. Someone with no membership in the event learns nothing about
   * its private data (404); a member without the right role is told no (403).
   */
  async assertCan(
    principal: Principal,
    event: Event,
    action: EventAction,
    target: ActionTarget = {},
  ): Promise<EventAccess> {
    const memberships = await this.membershipsOf(principal.userId, event.id);
    if (memberships.length === 0) throw PlenumError.notFound('Event not found');
    if (!this.allows(memberships, action, target)) throw PlenumError.forbidden();
    return { event, memberships };
  }

  /** Resolves an event by slug and checks the action in one step, for controllers. */
  async eventFor(
    principal: Principal,
    slug: string,
    action: EventAction,
    target?: ActionTarget,
  ): Promise<EventAccess> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw PlenumError.notFound('Event not found');
    return this.assertCan(principal, event, action, target);
  }

  /** Platform admins and organizers of any event may create events. */
  async canCreateEvents(principal: Principal): Promise<boolean> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user || user.disabledAt) return false;
    if (user.isPlatformAdmin) return true;
    return this.memberships.exists({ where: { userId: principal.userId, role: 'organizer' } });
  }
}
