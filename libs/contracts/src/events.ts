import { z } from 'zod';
import { isoDateSchema, localeSchema, slugSchema, timeZoneSchema } from './common';
import { mediaAccessSchema } from './ondemand';

const eventFields = {
  slug: slugSchema,
  title: z.string().trim().min(3).max(200),
  description: z.string().max(20_000).default(''),
  timeZone: timeZoneSchema,
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  defaultLocale: localeSchema.default('de'),
};

const datesInOrder = (v: { startsOn?: string; endsOn?: string }) =>
  !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
const datesMessage = { message: 'The event cannot end before it starts', path: ['endsOn'] };

export const createEventSchema = z.object(eventFields).refine(datesInOrder, datesMessage);
export type CreateEventRequest = z.input<typeof createEventSchema>;

export const updateEventSchema = z
  .object({
    title: eventFields.title,
    description: z.string().max(20_000),
    timeZone: eventFields.timeZone,
    startsOn: eventFields.startsOn,
    endsOn: eventFields.endsOn,
    defaultLocale: localeSchema,
    mediaAccess: mediaAccessSchema,
  })
  .partial()
  .refine(datesInOrder, datesMessage);
export type UpdateEventRequest = z.infer<typeof updateEventSchema>;

export const eventSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  timeZone: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  defaultLocale: localeSchema,
  mediaAccess: mediaAccessSchema,
  logoUrl: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type EventView = z.infer<typeof eventSchema>;

export const logoContentTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const maxLogoBytes = 1_000_000;
