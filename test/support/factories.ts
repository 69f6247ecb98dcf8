import { randomBytes, randomUUID } from 'node:crypto';
import {
  createEventSchema,
  sessionInputSchema,
  speakerInputSchema,
  stageInputSchema,
} from '@plenum/contracts';
import type {
  CreateEventRequest,
  Role,
  SessionInput,
  SpeakerInput,
  SpeakerView,
  StageInput,
  StageView,
} from '@plenum/contracts';
import { AuthSession, Booth, Membership, Session, User } from '@plenum/db';
import type { Event } from '@plenum/db';
import { EventsService } from '@plenum/events';
import type { Principal } from '@plenum/identity';
import { SessionsService } from '@plenum/programme';
import { CatalogueService } from '../../libs/programme/src/catalogue.service';
import type { Medium } from './medium';

let counter = 0;
/** Unique within the run: slugs and e-mail addresses never clash across suites or calls. */
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString('hex')}`;
}

/** A wall-clock time `minutes` from now, as the programme's input takes it. */
export function inMinutes(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

export interface Factories {
  /** A person with a signed-in device (auth session): what a request's principal names. */
  newUser(fields?: Partial<Pick<User, 'email' | 'displayName' | 'locale'>>): Promise<Principal>;
  /** Many people at once in three statements, for races and audiences of hundreds. */
  newUsers(count: number): Promise<Principal[]>;
  /** An event made by the events service, with a fresh organizer (see `organizerOf`). */
  newEvent(fields?: Partial<CreateEventRequest>): Promise<Event>;
  organizerOf(event: Event): Principal;
  /** A role in the event; `scope` to a session or booth where the role is scoped. */
  newMember(
    event: Event,
    role: Role,
    person?: Principal,
    scope?: { sessionId?: string; boothId?: string },
  ): Promise<Principal>;
  newAttendee(event: Event): Promise<Principal>;
  /** Attendees of the event, `count` of them, made in bulk. */
  newAttendees(event: Event, count: number): Promise<Principal[]>;
  newStage(event: Event, fields?: Partial<StageInput>): Promise<StageView>;
  newSpeaker(event: Event, fields?: Partial<SpeakerInput>): Promise<SpeakerView>;
  /** A session made by the sessions service (so its reminders are scheduled as in the app). */
  newSession(event: Event, fields?: Partial<SessionInput>): Promise<Session>;
  /** A workshop: a session of kind `workshop` with `capacity` seats (null: no limit). */
  newWorkshop(
    event: Event,
    capacity: number | null,
    fields?: Partial<SessionInput>,
  ): Promise<Session>;
  newBooth(event: Event, fields?: Partial<Booth>): Promise<Booth>;
}

/**
 * Builds what a medium suite needs through the real services and repositories of the booted
 * modules, instead of loading the demo congress. Call the functions inside tests and hooks.
 */
export function factories(m: Medium): Factories {
  const organizers = new Map<string, Principal>();

  async function newUsers(count: number): Promise<Principal[]> {
    const people = Array.from({ length: count }, () => ({
      userId: randomUUID(),
      sessionId: randomUUID(),
    }));
    const name = unique('person');
    await m.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).insert(
        people.map((p, i) => ({
          id: p.userId,
          email: `${name}-${i}@plenum.test`,
          displayName: `Person ${i + 1}`,
        })),
      );
      await manager.getRepository(AuthSession).insert(
        people.map((p) => ({
          id: p.sessionId,
          userId: p.userId,
          tokenHash: randomBytes(32).toString('hex'),
          expiresAt: new Date(Date.now() + 86_400_000),
        })),
      );
    });
    return people;
  }

  async function newUser(
    fields: Partial<Pick<User, 'email' | 'displayName' | 'locale'>> = {},
  ): Promise<Principal> {
    const userId = randomUUID();
    const sessionId = randomUUID();
    await m.dataSource.getRepository(User).insert({
      id: userId,
      email: fields.email ?? `${unique('user')}@plenum.test`,
      displayName: fields.displayName ?? 'Testperson',
      locale: fields.locale ?? 'de',
    });
    await m.dataSource.getRepository(AuthSession).insert({
      id: sessionId,
      userId,
      tokenHash: randomBytes(32).toString('hex'),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return { userId, sessionId };
  }

  function organizerOf(event: Event): Principal {
    const organizer = organizers.get(event.id);
    if (!organizer) throw new Error(`Event ${event.slug} was not made by these factories`);
    return organizer;
  }

  async function newMember(
    event: Event,
    role: Role,
    person?: Principal,
    scope: { sessionId?: string; boothId?: string } = {},
  ): Promise<Principal> {
    const member = person ?? (await newUser());
    await m.dataSource.getRepository(Membership).insert({
      eventId: event.id,
      userId: member.userId,
      role,
      sessionId: scope.sessionId ?? null,
      boothId: scope.boothId ?? null,
      scope: scope.sessionId
        ? `session:${scope.sessionId}`
        : scope.boothId
          ? `booth:${scope.boothId}`
          : 'event',
    });
    return member;
  }

  async function newSession(event: Event, fields: Partial<SessionInput> = {}): Promise<Session> {
    const input = sessionInputSchema.parse({
      title: `Session ${unique('s')}`,
      kind: 'talk',
      startsAt: inMinutes(24 * 60),
      endsAt: inMinutes(24 * 60 + 45),
      ...fields,
    });
    const result = await m.get(SessionsService).create(organizerOf(event), event, input);
    return m.dataSource.getRepository(Session).findOneByOrFail({ id: result.session.id });
  }

  return {
    newUser,
    newUsers,
    organizerOf,
    newMember,
    newSession,

    async newEvent(fields = {}) {
      const organizer = await newUser({ displayName: 'Organisatorin' });
      const input = createEventSchema.parse({
        slug: unique('event'),
        title: 'Testkongress',
        timeZone: 'Europe/Berlin',
        startsOn: new Date().toISOString().slice(0, 10),
        endsOn: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
        ...fields,
      });
      const events = m.get(EventsService);
      const view = await events.create(organizer, input);
      const event = await events.findBySlug(view.slug);
      organizers.set(event.id, organizer);
      return event;
    },

    newAttendee: (event) => newMember(event, 'attendee'),

    async newAttendees(event, count) {
      const people = await newUsers(count);
      await m.dataSource.getRepository(Membership).insert(
        people.map((p) => ({
          eventId: event.id,
          userId: p.userId,
          role: 'attendee' as const,
          scope: 'event',
        })),
      );
      return people;
    },

    newStage: (event, fields = {}) =>
      m
        .get(CatalogueService)
        .createStage(
          organizerOf(event),
          event,
          stageInputSchema.parse({ name: `Bühne ${unique('b')}`, ...fields }),
        ),

    newSpeaker: (event, fields = {}) =>
      m
        .get(CatalogueService)
        .createSpeaker(
          organizerOf(event),
          event,
          speakerInputSchema.parse({ name: `Dr. ${unique('Rednerin')}`, ...fields }),
        ),

    newWorkshop: (event, capacity, fields = {}) =>
      newSession(event, { kind: 'workshop', capacity, ...fields }),

    async newBooth(event, fields = {}) {
      const slug = unique('booth');
      return m.dataSource.getRepository(Booth).save({
        eventId: event.id,
        slug,
        organisation: `Aussteller ${slug}`,
        ...fields,
      });
    },
  };
}
