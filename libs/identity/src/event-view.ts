import { createZodDto } from 'nestjs-zod';
import { eventSchema } from '@plenum/contracts';
import type { EventView } from '@plenum/contracts';
import type { Event } from '@plenum/db';

/** The answer of every route that shows an event: the events lib's and `/me/events`. */
export class EventViewDto extends createZodDto(eventSchema) {}

export function toEventView(event: Event): EventView {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    description: event.description,
    timeZone: event.timeZone,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    defaultLocale: event.defaultLocale,
    mediaAccess: event.mediaAccess,
    logoUrl: event.logoContentType
      ? `/api/events/${event.slug}/logo?v=${event.updatedAt.getTime()}`
      : null,
    updatedAt: event.updatedAt.toISOString(),
  };
}
