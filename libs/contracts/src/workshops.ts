import { z } from 'zod';

export const workshopRegistrationStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const workshopRegistrationStatusSchema = z.enum(workshopRegistrationStatuses);
export type WorkshopRegistrationStatus = z.infer<typeof workshopRegistrationStatusSchema>;

/** The signed-in person's own registration; `position` counts from 1 on the waitlist. */
export const myWorkshopRegistrationSchema = z.object({
  sessionId: z.uuid(),
  status: workshopRegistrationStatusSchema,
  position: z.number().int().nullable(),
  registeredAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
});
export type MyWorkshopRegistration = z.infer<typeof myWorkshopRegistrationSchema>;

/** Seats of one workshop, as the list shows them and as they are broadcast on change. */
export const workshopSeatsSchema = z.object({
  sessionId: z.uuid(),
  /** Null: unlimited. */
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  /** Null: unlimited. */
  seatsLeft: z.number().int().nullable(),
});
export type WorkshopSeats = z.infer<typeof workshopSeatsSchema>;

export const workshopViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  abstract: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  state: z.enum(['scheduled', 'live', 'ended', 'cancelled']),
  hosts: z.array(z.string()),
  seats: workshopSeatsSchema,
  registrationOpensAt: z.iso.datetime().nullable(),
  registrationClosesAt: z.iso.datetime(),
  registrationOpen: z.boolean(),
  mine: myWorkshopRegistrationSchema.nullable(),
  /** The person hosts or moderates this workshop: they join without registering. */
  isHost: z.boolean(),
});
export type WorkshopView = z.infer<typeof workshopViewSchema>;

export const workshopListSchema = z.object({ workshops: z.array(workshopViewSchema) });
export type WorkshopList = z.infer<typeof workshopListSchema>;

/** Organizers change the seats and the window; lowering never removes confirmed people. */
export const updateWorkshopSchema = z
  .object({
    capacity: z.number().int().min(0).max(100_000).nullable().optional(),
    registrationOpensAt: z.iso.datetime({ offset: true }).nullable().optional(),
    registrationClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type UpdateWorkshop = z.infer<typeof updateWorkshopSchema>;

export const workshopRegistrantSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  status: workshopRegistrationStatusSchema,
  position: z.number().int().nullable(),
  registeredAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type WorkshopRegistrant = z.infer<typeof workshopRegistrantSchema>;

export const workshopRegistrantsSchema = z.object({
  seats: workshopSeatsSchema,
  registrants: z.array(workshopRegistrantSchema),
});
export type WorkshopRegistrants = z.infer<typeof workshopRegistrantsSchema>;

export const workshopMaterialSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(['link', 'file']),
  url: z.string(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
});
export type WorkshopMaterialView = z.infer<typeof workshopMaterialSchema>;

export const createWorkshopLinkSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/ }).max(2000),
  })
  .strict();
export type CreateWorkshopLink = z.infer<typeof createWorkshopLinkSchema>;

export const workshopParticipantActionSchema = z.object({ userId: z.uuid() }).strict();
export type WorkshopParticipantAction = z.infer<typeof workshopParticipantActionSchema>;

/** What a host's mute or remove found: whether the person was in the workshop's video room. */
export const workshopRoomActionResultSchema = z.object({ inRoom: z.boolean() });
export type WorkshopRoomActionResult = z.infer<typeof workshopRoomActionResultSchema>;

export const workshopSpotlightRequestSchema = z.object({ userId: z.uuid().nullable() }).strict();
export type WorkshopSpotlightRequest = z.infer<typeof workshopSpotlightRequestSchema>;

/** Broadcast to `workshop:<id>`: the person everyone should see large, or nobody. */
export const workshopSpotlightSchema = z.object({
  sessionId: z.uuid(),
  userId: z.uuid().nullable(),
});
export type WorkshopSpotlight = z.infer<typeof workshopSpotlightSchema>;

/** Sent to `user:<id>` when a seat frees up and the person moves from the waitlist to confirmed. */
export const workshopPromotedSchema = z.object({
  sessionId: z.uuid(),
  eventId: z.uuid(),
  title: z.string(),
});
export type WorkshopPromoted = z.infer<typeof workshopPromotedSchema>;

/** Files a host may share: documents, slides, images, archives; 20 MB at most. */
export const WORKSHOP_MATERIAL_MAX_BYTES = 20 * 1024 * 1024;

/** The file types hosts may share; the upload's Content-Type must be one of them. */
export const workshopMaterialContentTypes = [
  'application/pdf',
  'application/zip',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

export const workshopFileQuerySchema = z.object({
  title: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
});
export type WorkshopFileQuery = z.infer<typeof workshopFileQuerySchema>;
