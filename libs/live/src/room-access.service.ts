import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { parseRoomName } from '@plenum/contracts';
import type { ChatRoomKind } from '@plenum/contracts';
import { Booth, Event, Session, SessionSpeaker, WorkshopRegistration } from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import type { ActionTarget } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';

/** What one person may do in one room, decided when they join it. */
export interface RoomAccess {
  room: string;
  kind: ChatRoomKind;
  eventId: string;
  target: ActionTarget;
  /** Delete messages, mute people in this room, set slow mode. */
  canModerate: boolean;
  /** Mute people in every room of the event. */
  canModerateEvent: boolean;
  /** Reactions are for stages: session rooms. */
  canReact: boolean;
  /** Staff of this booth (booth rooms only): counted as "staff online" while joined. */
  isBoothStaff: boolean;
}

@Injectable()
export class RoomAccessService {
  constructor(
    private readonly permissions: PermissionsService,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(Booth) private readonly booths: Repository<Booth>,
    @InjectRepository(SessionSpeaker) private readonly sessionSpeakers: Repository<SessionSpeaker>,
    @InjectRepository(WorkshopRegistration)
    private readonly registrations: Repository<WorkshopRegistration>,
  ) {}

  /**
   * Resolves a room for a person. Rooms that do not exist and rooms of events the person does
   * not belong to answer the same NOT_FOUND, so outsiders learn nothing.
   */
  async resolve(userId: string, room: string): Promise<RoomAccess> {
    const parsed = parseRoomName(room);
    if (!parsed) throw PlenumError.notFound('Room not found');
    const { kind, id } = parsed;
    const place = await this.placeOf(kind, id);
    if (!place) throw PlenumError.notFound('Room not found');
    const memberships = await this.permissions.membershipsOf(userId, place.eventId);
    if (memberships.length === 0) throw PlenumError.notFound('Room not found');

    const canModerate = this.permissions.allows(memberships, 'chat.moderate', place.target);
    const canModerateEvent = this.permissions.allows(memberships, 'chat.moderate');
    if (kind === 'workshop' && !canModerate) {
      const scoped = memberships.some((m) => m.sessionId === id);
      if (!scoped && !(await this.hosts(id, userId)) && !(await this.confirmed(id, userId))) {
        throw PlenumError.forbidden("This workshop's chat is for its participants and hosts");
      }
    }
    return {
      room: `${kind}:${id}`,
      kind,
      eventId: place.eventId,
      target: place.target,
      canModerate,
      canModerateEvent,
      canReact: kind === 'session',
      isBoothStaff:
        kind === 'booth' && this.permissions.allows(memberships, 'booth.manage', place.target),
    };
  }

  private async placeOf(
    kind: ChatRoomKind,
    id: string,
  ): Promise<{ eventId: string; target: ActionTarget } | null> {
    switch (kind) {
      case 'event': {
        const event = await this.events.findOne({ where: { id }, select: ['id'] });
        return event ? { eventId: event.id, target: {} } : null;
      }
      case 'session':
      case 'workshop': {
        const session = await this.sessions.findOne({
          where: { id },
          select: ['id', 'eventId', 'kind'],
        });
        if (!session) return null;
        // A workshop has one room, with its own audience; the session room would bypass it.
        if ((session.kind === 'workshop') !== (kind === 'workshop')) return null;
        return { eventId: session.eventId, target: { sessionId: session.id } };
      }
      case 'booth': {
        const booth = await this.booths.findOne({ where: { id }, select: ['id', 'eventId'] });
        return booth ? { eventId: booth.eventId, target: { boothId: booth.id } } : null;
      }
    }
  }

  /** Confirmed registrants talk in the workshop's chat; the waitlist does not (yet). */
  private confirmed(sessionId: string, userId: string): Promise<boolean> {
    return this.registrations.existsBy({ sessionId, userId, status: 'confirmed' });
  }

  /** A host is a speaker of the session with the part `host` whose profile is this account. */
  private hosts(sessionId: string, userId: string): Promise<boolean> {
    return this.sessionSpeakers
      .createQueryBuilder('link')
      .innerJoin('link.speaker', 'speaker')
      .where('link.sessionId = :sessionId', { sessionId })
      .andWhere("link.part = 'host'")
      .andWhere('speaker.userId = :userId', { userId })
      .getExists();
  }
}
