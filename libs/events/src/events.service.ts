import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Repository } from 'typeorm';
import type { EventView, UpdateEventRequest } from '@plenum/contracts';
import { Event, Membership } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { toEventView } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import type { IncomingUpload } from '@plenum/platform';
import type { CreateEventDto } from './events.dto';

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly audit: AuditService,
  ) {}

  async findBySlug(slug: string): Promise<Event> {
    const event = await this.events.findOneBy({ slug });
    if (!event) throw PlenumError.notFound('Event not found');
    return event;
  }

  /** Creates the event and makes its creator an organizer of it, in one transaction. */
  async create(principal: Principal, input: CreateEventDto): Promise<EventView> {
    const event = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .getRepository(Event)
        .createQueryBuilder()
        .insert()
        .values({
          slug: input.slug,
          title: input.title,
          description: input.description,
          timeZone: input.timeZone,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          defaultLocale: input.defaultLocale,
        })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
      if (!id) {
        throw PlenumError.validation([{ path: 'slug', message: 'This slug is already taken' }]);
      }
      await manager.getRepository(Membership).insert({
        eventId: id,
        userId: principal.userId,
        role: 'organizer',
        scope: 'event',
      });
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
      return manager.getRepository(Event).findOneByOrFail({ id });
    });
    return toEventView(event);
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
    return toEventView(await this.events.findOneByOrFail({ id: event.id }));
  }

  async setLogo(principal: Principal, event: Event, file: IncomingUpload): Promise<EventView> {
    const body = await file.toBuffer();
    const type = file.contentType;
    await this.events.update(event.id, { logo: body, logoContentType: type });
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'event.logo-changed',
      targetType: 'event',
      targetId: event.id,
      details: { bytes: body.length, contentType: type },
    });
    return toEventView(await this.events.findOneByOrFail({ id: event.id }));
  }

  async logo(slug: string): Promise<{ data: Buffer; contentType: string }> {
    const event = await this.events.findOne({
      where: { slug },
      select: { id: true, logo: true, logoContentType: true },
    });
    if (!event?.logo || !event.logoContentType)
      throw PlenumError.notFound('This event has no logo');
    return { data: event.logo, contentType: event.logoContentType };
  }
}
