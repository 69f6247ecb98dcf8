import type { Role } from '@plenum/contracts';
import type { Event, Membership } from '@plenum/db';

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
  | 'expo.edit'
  | 'audit.read'
  | 'reports.read'
  | 'chat.moderate'
  | 'media.view'
  | 'slides.share'
  | 'workshop.host';

/** What a person may do on the installation as a whole, outside any one event. */
export type InstallationAction = 'events.create' | 'queues.view';

/**
 * Which roles, held in any event, allow an installation action. The installation's admins
 * (`users.is_platform_admin`) may take every one of them.
 */
export const installationPolicy: Readonly<Record<InstallationAction, readonly Role[]>> = {
  'events.create': ['organizer'],
  // The queues hold every event's jobs: only the installation's admins see them.
  'queues.view': [],
};

/**
 * Which roles allow an action. A role held for a session or booth allows the action only on
 * that session or booth; an event-wide role allows it everywhere in the event.
 */
export const eventPolicy: Readonly<Record<EventAction, readonly Role[]>> = {
  'event.member': ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'],
  'event.update': ['organizer'],
  'members.read': ['organizer'],
  'members.invite': ['organizer'],
  'programme.edit': ['organizer'],
  'session.moderate': ['organizer', 'moderator'],
  'session.present': ['organizer', 'moderator', 'speaker'],
  'booth.manage': ['organizer', 'exhibitor'],
  // Opening and closing booths shapes the hall: organizers only, never a booth's own staff.
  'expo.edit': ['organizer'],
  'audit.read': ['organizer'],
  'reports.read': ['organizer'],
  // A moderator scoped to a session moderates only that session's chat.
  'chat.moderate': ['organizer', 'moderator'],
  // Replays, slides and photos: members, and anyone when the event's media are public.
  'media.view': ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'],
  // Organizers for any session; speakers for the sessions they speak on.
  'slides.share': ['organizer', 'speaker'],
  // A workshop's hosts run its room and materials and see its registrants: organizers and
  // moderators, and speakers of that workshop. Which speakers host is a fact about the
  // workshop's programme (their profile's part), so the workshops service checks it.
  'workshop.host': ['organizer', 'moderator', 'speaker'],
};

/**
 * Actions that people outside the event (not signed in, or signed in without a membership)
 * may take when the event says so. The guard resolves the event first and asks here.
 */
export const visitorPolicy: Readonly<Partial<Record<EventAction, (event: Event) => boolean>>> = {
  'media.view': (event) => event.mediaAccess === 'public',
};

export const eventActions = Object.keys(eventPolicy) as EventAction[];

/** The session or booth an action is about, when it is about one. */
export interface ActionTarget {
  sessionId?: string;
  boothId?: string;
}

/** What a permission check reads of a membership. */
export type MembershipRole = Pick<Membership, 'role' | 'sessionId' | 'boothId'>;

/**
 * True when one of the memberships allows the action on the target.
 *
 * Any membership, scoped or not, makes the person a member of the event: a speaker invited for
 * one session or an exhibitor's staff member may do everything an attendee may, plus what
 * their role allows within its scope.
 */
export function allows(
  memberships: readonly MembershipRole[],
  action: EventAction,
  target: ActionTarget = {},
): boolean {
  if (memberships.length === 0) return false;
  const roles = eventPolicy[action];
  if (roles.includes('attendee')) return true;
  return memberships.some((m) => {
    if (!roles.includes(m.role)) return false;
    if (m.sessionId) return target.sessionId === m.sessionId;
    if (m.boothId) return target.boothId === m.boothId;
    // A speaker speaks on sessions: a speaker role held for the whole event (no session named)
    // makes its holder a member, and their sessions come from their speaker profile.
    return m.role !== 'speaker';
  });
}

/** Event-wide roles only: what the person may do anywhere in the event. */
export function eventWideRoles(memberships: readonly MembershipRole[]): Role[] {
  return memberships.filter((m) => !m.sessionId && !m.boothId).map((m) => m.role);
}
