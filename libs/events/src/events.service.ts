import { Injectable } from '@nestjs/common';
import type { EventView, UpdateEventRequest } from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { toEventView } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import type { CreateEventDto } from './events.dto';
import { EventsRepository } from './events.repository';
import type { AuditLogRow } from './events.repository';

@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly audit: AuditService,
  ) {}

  async findBySlug(slug: string): Promise<Event> {
    const event = await this.events.findBySlug(slug);
    if (!event) throw PlenumError.notFound('Event not found');
    return event;
  }

  /** Creates the event and makes its creator an organizer of it, in one transaction. */
  async create(principal: Principal, input: CreateEventDto): Promise<EventView> {
    const id = await this.events.transaction(async (manager) => {
      const id = await this.events.insert(manager, {
        slug: input.slug,
        title: input.title,
        description: input.description,
        timeZone: input.timeZone,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        defaultLocale: input.defaultLocale,
      });
      if (!id) {
        throw PlenumError.validation([{ path: 'slug', message: 'This slug is already taken' }]);
      }
      await this.events.addOrganizer(manager, id, principal.userId);
      await this.audit.record(
        {
          eventId: id,
          actorId: principal.userId,
          action: 'event.created',
          targetType: 'event',
          targetId: id,
        },
        manager,
      );
      return id;
    });
    return toEventView(await this.events.getById(id));
  }

  async update(principal: Principal, event: Event, input: UpdateEventRequest): Promise<EventView> {
    const next = { ...event, ...input };
    if (next.startsOn > next.endsOn) {
      throw PlenumError.validation([
        { path: 'endsOn', message: 'The event cannot end before it starts' },
      ]);
    }
    await this.events.update(event.id, input);
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'event.updated',
      targetType: 'event',
      targetId: event.id,
      details: { fields: Object.keys(input) },
    });
    return toEventView(await this.events.getById(event.id));
  }

  async setLogo(principal: Principal, event: Event, file: IncomingUpload): Promise<EventView> {
    const body = await file.toBuffer();
    const type = file.contentType;
    await this.events.setLogo(event.id, body, type);
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'event.logo-changed',
      targetType: 'event',
      targetId: event.id,
      details: { bytes: body.length, contentType: type },
    });
    return toEventView(await this.events.getById(event.id));
  }

  async logo(slug: string): Promise<{ data: Buffer; contentType: string }> {
    const logo = await this.events.logo(slug);
    if (!logo) throw PlenumError.notFound('This event has no logo');
    return logo;
  }

  auditLog(event: Event): Promise<AuditLogRow[]> {
    return this.events.auditLog(event.id);
  }
}
