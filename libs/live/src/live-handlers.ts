import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { clientEventSchemas } from '@plenum/contracts';
import type { ClientAckData, ClientEventName, RoomAccessReason } from '@plenum/contracts';
import type { EventAction } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { LiveConnection } from './live-connection';
import type { JoinedPlace, LivePlace } from './live-connection';
import type { LiveUser } from './live-auth';
import { RateLimitService } from './rate-limit.service';
import type { LiveRateKind } from './rate-limit.service';

/**
 * Names the room an event is about: the payload's `room` (a full room name), or
 * `<kind>:<payload[field]>` (`{ kind: 'session', field: 'sessionId' }`).
 */
export type LiveRoomRef = 'room' | { kind: string; field: string };

/**
 * Who may send a socket event: declared with its handler, applied by the registry before the
 * handler runs, the socket counterpart of `@EventAccess`. `denied` is the message of the 403.
 */
export type LiveAccess =
  /** Any signed-in socket; the handler acts only on the socket's own state (`room:leave`). */
  | { kind: 'signed-in' }
  /**
   * The place the payload names, looked up now with the person's roles now: 404 when it does
   * not exist or the person is not in its event, 403 without the action. Join events use it
   * (the handler then enters the place), and rare events that need no join (`backstage:message`).
   */
  | { kind: 'resolve'; room: LiveRoomRef; action: EventAction; denied?: string }
  /**
   * A place this socket joined before (409 `NOT_IN_ROOM` otherwise), of one of `rooms` kinds when
   * given, where the person may take the action (403). The rights are those of the join, kept
   * current by the re-evaluation when memberships or registrations change; nothing is read from
   * PostgreSQL here.
   */
  | {
      kind: 'joined';
      room: LiveRoomRef;
      action: EventAction;
      rooms?: readonly string[];
      denied?: string;
    };

export type LiveInput<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;

export interface LiveContext {
  user: LiveUser;
  connection: LiveConnection;
}

export interface LivePlaceContext extends LiveContext {
  /** The place the access rule resolved (or found joined). */
  place: LivePlace;
  /**
   * Joins the socket to the resolved place (Socket.IO room, the place hooks), kept until it
   * leaves or its rights go. True when the socket was not in it before.
   */
  enter(): Promise<boolean>;
}

type ContextFor<A extends LiveAccess> = A extends { kind: 'signed-in' }
  ? LiveContext
  : LivePlaceContext;

export type LiveHandle<E extends ClientEventName, A extends LiveAccess> = (
  input: LiveInput<E>,
  context: ContextFor<A>,
) => Promise<ClientAckData[E]> | ClientAckData[E];

interface Registered {
  event: ClientEventName;
  access: LiveAccess;
  rate: LiveRateKind | null;
  handle: (input: unknown, context: LiveContext & Partial<LivePlaceContext>) => unknown;
}

/** What a domain lib says about a kind of place: who may be there, and what they may do. */
export interface LivePlaceKind {
  /**
   * The place with the person's roles; throws NOT_FOUND (no such place, or not in its event) or
   * FORBIDDEN (a rule of the record, such as a workshop's audience).
   */
  resolve(id: string, userId: string): Promise<LivePlace>;
  /** The flags a client shows for the place (moderation tools, reactions). */
  rights(place: LivePlace): { canModerate: boolean; canReact: boolean };
}

/** Runs when a socket enters a place (`before` null), leaves it (`after` null) or its rights change. */
export type LivePlaceHook = (
  connection: LiveConnection,
  before: LivePlace | null,
  after: LivePlace | null,
) => Promise<void>;

/** The event names, rules and rate-limit kinds registered, for the access test and the docs. */
export interface RegisteredEvent {
  event: ClientEventName;
  access: LiveAccess;
  rate: LiveRateKind | null;
}

function isClientEvent(event: string): event is ClientEventName {
  return Object.hasOwn(clientEventSchemas, event);
}

/**
 * The gateway's handler map. Each domain lib registers its socket handlers here (event name,
 * access rule, rate-limit kind; the payload schema is the event's in `clientEventSchemas`) and
 * the kinds of places its rooms stand for; the gateway only hands every event to `run`, which
 * parses, rate-limits, applies the access rule and calls the handler, in that order.
 */
@Injectable()
export class LiveHandlers {
  private readonly logger = new Logger(LiveHandlers.name);
  private readonly handlers = new Map<ClientEventName, Registered>();
  private readonly kinds = new Map<string, LivePlaceKind>();
  private readonly hooks: LivePlaceHook[] = [];

  constructor(private readonly rateLimits: RateLimitService) {}

  on<E extends ClientEventName, A extends LiveAccess>(
    event: E,
    spec: { access: A; rate: LiveRateKind | null },
    handle: LiveHandle<E, A>,
  ): void {
    if (this.handlers.has(event)) throw new Error(`${event} has a handler already`);
    this.handlers.set(event, {
      event,
      access: spec.access,
      rate: spec.rate,
      handle: handle as Registered['handle'],
    });
  }

  /** Registers the kinds of places (`session`, `backstage`, …) a lib's rooms stand for. */
  placeKinds(kinds: readonly string[], spec: LivePlaceKind): void {
    for (const kind of kinds) {
      if (this.kinds.has(kind)) throw new Error(`Places of kind ${kind} are registered already`);
      this.kinds.set(kind, spec);
    }
  }

  /** Hooks run in the order registered; a failing hook fails a join, and is logged on a leave. */
  onPlaceChange(hook: LivePlaceHook): void {
    this.hooks.push(hook);
  }

  /** The kinds of places registered (`event`, `session`, …, `backstage`). */
  placeKindNames(): string[] {
    return [...this.kinds.keys()];
  }

  registered(): RegisteredEvent[] {
    return [...this.handlers.values()].map(({ event, access, rate }) => ({ event, access, rate }));
  }

  /** Parses the payload, takes a rate-limit token, applies the access rule, runs the handler. */
  async run(connection: LiveConnection, event: string, raw: unknown): Promise<unknown> {
    const handler = isClientEvent(event) ? this.handlers.get(event) : undefined;
    if (!handler) {
      throw new PlenumError('UNKNOWN_EVENT', `There is no event "${event.slice(0, 60)}"`, 400);
    }
    const input: unknown = clientEventSchemas[handler.event].parse(raw);
    const user = connection.user;
    // A bad payload is answered as such without taking a token; everything else costs one.
    if (handler.rate) await this.rateLimits.consume(handler.rate, user.userId);
    const access = handler.access;
    if (access.kind === 'signed-in') return handler.handle(input, { user, connection });
    const room = roomOf(access.room, input);
    if (access.kind === 'resolve') {
      // Noted before the lookup: a change of rights while it runs is caught up on in enter().
      const epoch = connection.rightsEpoch;
      const place = await this.resolve(room, user.userId);
      this.authorize(place, access);
      const enter = () => this.enter(connection, place, access.action, epoch);
      return handler.handle(input, { user, connection, place, enter });
    }
    const joined = connection.places.get(room);
    if (!joined) throw new PlenumError('NOT_IN_ROOM', `Join ${room} first (room:join)`, 409);
    this.authorize(joined.place, access);
    const enter = () => Promise.resolve(false);
    return handler.handle(input, { user, connection, place: joined.place, enter });
  }

  /** Takes the socket out of a place it joined; false when it was not in it. */
  async leave(connection: LiveConnection, room: string): Promise<boolean> {
    const joined = connection.places.get(room);
    if (!joined) return false;
    connection.places.delete(room);
    await connection.socket.leave(room);
    await this.runHooks(connection, joined.place, null, false);
    return true;
  }

  /** A closing socket leaves every place (presence and the rest let go of it). */
  async leaveAll(connection: LiveConnection): Promise<void> {
    for (const room of [...connection.places.keys()]) await this.leave(connection, room);
  }

  /**
   * The person's rights in the event changed (a membership or registration): every place of the
   * event this socket is in is looked up again. A place the person may no longer join is left;
   * one where their rights changed keeps the socket with the new rights. Either way the socket
   * hears `room:access-changed`.
   */
  reevaluate(connection: LiveConnection, eventId: string, reason: RoomAccessReason): Promise<void> {
    connection.rightsEpoch++;
    connection.lastReason = reason;
    const run = async () => {
      for (const joined of [...connection.places.values()]) {
        if (joined.place.eventId === eventId) await this.recheck(connection, joined, reason);
      }
    };
    connection.rechecks = connection.rechecks.then(run, run);
    return connection.rechecks;
  }

  private async enter(
    connection: LiveConnection,
    place: LivePlace,
    joinedAs: EventAction,
    epoch: number,
  ): Promise<boolean> {
    const before = connection.places.get(place.room);
    await connection.socket.join(place.room);
    const joined: JoinedPlace = { place, joinedAs };
    connection.places.set(place.room, joined);
    try {
      await this.runHooks(connection, before?.place ?? null, place, true);
    } catch (err) {
      // A join that could not be completed leaves no trace: the client will try again.
      if (!before) await this.leave(connection, place.room);
      throw err;
    }
    if (connection.rightsEpoch !== epoch) {
      // The rights changed while this join looked them up: look again, as the change did.
      void this.reevaluate(connection, place.eventId, connection.lastReason).catch((err: unknown) =>
        this.logger.warn({ err }, `Re-evaluating ${place.room} failed`),
      );
    }
    return !before;
  }

  private async recheck(
    connection: LiveConnection,
    joined: JoinedPlace,
    reason: RoomAccessReason,
  ): Promise<void> {
    const { room } = joined.place;
    const kind = this.kinds.get(joined.place.kind);
    if (!kind) return;
    let next: LivePlace | null;
    try {
      next = await kind.resolve(joined.place.id, connection.user.userId);
      if (!next.can(joined.joinedAs)) next = null;
    } catch (err) {
      if (!(err instanceof PlenumError) || (err.status !== 403 && err.status !== 404)) throw err;
      next = null;
    }
    // Left or joined again meanwhile: that join read the rights afresh.
    if (connection.places.get(room) !== joined) return;
    const before = kind.rights(joined.place);
    if (!next) {
      await this.leave(connection, room);
      connection.socket.emit('room:access-changed', {
        room,
        joined: false,
        canModerate: false,
        canReact: false,
        reason,
      });
      return;
    }
    connection.places.set(room, { place: next, joinedAs: joined.joinedAs });
    await this.runHooks(connection, joined.place, next, false);
    const after = kind.rights(next);
    if (after.canModerate !== before.canModerate || after.canReact !== before.canReact) {
      connection.socket.emit('room:access-changed', { room, joined: true, ...after, reason });
    }
  }

  private async resolve(room: string, userId: string): Promise<LivePlace> {
    const colon = room.indexOf(':');
    const kind = colon > 0 ? this.kinds.get(room.slice(0, colon)) : undefined;
    if (!kind) throw PlenumError.notFound('Room not found');
    return kind.resolve(room.slice(colon + 1), userId);
  }

  private authorize(
    place: LivePlace,
    access: Extract<LiveAccess, { kind: 'resolve' | 'joined' }>,
  ): void {
    const kindAllowed =
      access.kind !== 'joined' || !access.rooms || access.rooms.includes(place.kind);
    if (!kindAllowed || !place.can(access.action)) {
      throw PlenumError.forbidden(access.denied ?? 'You may not do this here');
    }
  }

  private async runHooks(
    connection: LiveConnection,
    before: LivePlace | null,
    after: LivePlace | null,
    failLoudly: boolean,
  ): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook(connection, before, after);
      } catch (err) {
        if (failLoudly) throw err;
        const room = (after ?? before)?.room;
        this.logger.warn({ err, room }, 'A place hook failed');
      }
    }
  }
}

/** The room an event is about, from its (already parsed) payload. */
function roomOf(ref: LiveRoomRef, input: unknown): string {
  const payload = input as Record<string, unknown>;
  const value = payload[ref === 'room' ? 'room' : ref.field];
  if (typeof value !== 'string') throw PlenumError.notFound('Room not found');
  return ref === 'room' ? value : `${ref.kind}:${value}`;
}
