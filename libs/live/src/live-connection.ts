import type { Socket } from 'socket.io';
import type {
  ClientToServerEvents,
  RoomAccessReason,
  ServerToClientEvents,
} from '@plenum/contracts';
import { allows } from '@plenum/identity';
import type { ActionTarget, EventAction, MembershipRole } from '@plenum/identity';
import type { LiveUser } from './live-auth';

export type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveUser
>;

/**
 * A room as a place in an event, with what one person is there: their roles in the event (the
 * memberships and the sessions their speaker profile is on, as `PermissionsService.rolesOf`
 * gives them) and what the room's actions are checked against. The policy table
 * (`libs/identity/src/policy.ts`) answers every question about it.
 */
export class LivePlace {
  constructor(
    /** `<kind>:<id>`, e.g. `session:<id>`. */
    readonly room: string,
    readonly kind: string,
    readonly id: string,
    readonly eventId: string,
    readonly roles: readonly MembershipRole[],
    /**
     * What an action here is about: the session or booth, nothing (the event as a whole), or
     * several (a stage is all of its sessions; an action is allowed if it is on one of them).
     */
    readonly targets: readonly ActionTarget[],
  ) {}

  /** Whether the person may take the action here (or, with `target`, on that target). */
  can(action: EventAction, target?: ActionTarget): boolean {
    const targets = target ? [target] : this.targets;
    return targets.some((t) => allows(this.roles, action, t));
  }
}

/** A place a socket is in, with the action its join was allowed under. */
export interface JoinedPlace {
  place: LivePlace;
  /** Asked again when the person's rights change: without it, the socket leaves the room. */
  joinedAs: EventAction;
}

/** One socket of the live gateway, with the places it joined. */
export class LiveConnection {
  /** Rooms this socket joined through a handler, with what the person may do there. */
  readonly places = new Map<string, JoinedPlace>();
  /** Raised whenever the person's rights change, so a join in flight notices (see enter()). */
  rightsEpoch = 0;
  /** Why the rights changed last. */
  lastReason: RoomAccessReason = 'membership-removed';
  /** Re-evaluations of this socket run one after another. */
  rechecks: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: LiveSocket,
    private readonly joinAll: (room: string) => void,
  ) {}

  get user(): LiveUser {
    return this.socket.data;
  }

  /** Joins this socket to a server-only room (not a place: no rights come with it). */
  async join(room: string): Promise<void> {
    await this.socket.join(room);
  }

  async leave(room: string): Promise<void> {
    await this.socket.leave(room);
  }

  /** Every socket of the person, on every api instance, joins the server-only room. */
  joinEverySocket(room: string): void {
    this.joinAll(room);
  }
}
