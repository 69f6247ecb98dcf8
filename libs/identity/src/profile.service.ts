import { Injectable } from '@nestjs/common';
import type { EventView, MeResponse, UpdateProfileRequest, UserView } from '@plenum/contracts';
import type { User } from '@plenum/db';
import { PlenumError } from '@plenum/platform';
import { toEventView } from './event-view';
import type { Principal } from './principal';
import { ProfileRepository } from './profile.repository';
import type { ProfileChanges } from './profile.repository';
import { toUserView } from './views';

/** The signed-in person's own account: who they are, their profile, the events they are in. */
@Injectable()
export class ProfileService {
  constructor(private readonly profiles: ProfileRepository) {}

  async me(principal: Principal): Promise<MeResponse> {
    const user = await this.requireUser(principal);
    const memberships = await this.profiles.memberships(user.id);
    return {
      user: toUserView(user),
      memberships: memberships.map((m) => ({
        eventId: m.eventId,
        eventSlug: m.event?.slug ?? '',
        role: m.role,
        sessionId: m.sessionId,
        boothId: m.boothId,
      })),
    };
  }

  async update(principal: Principal, changes: UpdateProfileRequest): Promise<UserView> {
    const user = await this.requireUser(principal);
    const set: ProfileChanges = {};
    if (changes.displayName !== undefined) set.displayName = changes.displayName;
    if (changes.locale !== undefined) set.locale = changes.locale;
    if (Object.keys(set).length > 0) await this.profiles.update(user.id, set);
    return toUserView(Object.assign(user, set));
  }

  /** The events the person holds any role in, latest first. */
  async events(principal: Principal): Promise<EventView[]> {
    const memberships = await this.profiles.membershipEvents(principal.userId);
    const seen = new Map<string, EventView>();
    for (const m of memberships)
      if (m.event && !seen.has(m.event.id)) seen.set(m.event.id, toEventView(m.event));
    return [...seen.values()].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  }

  private async requireUser(principal: Principal): Promise<User> {
    const user = await this.profiles.user(principal.userId);
    if (!user || user.disabledAt) throw PlenumError.unauthenticated('This account is not active');
    return user;
  }
}
