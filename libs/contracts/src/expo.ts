import { z } from 'zod';
import { slugSchema } from './common';

export const boothTiers = ['premium', 'standard', 'basic'] as const;
export const boothTierSchema = z.enum(boothTiers);

/** Only web and mail links: no javascript:, data: or other schemes reach a visitor. */
export const safeUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((u) => /^(https?:\/\/|mailto:)/i.test(u) && URL.canParse(u), {
    message: 'Use an http(s):// or mailto: address',
  });

export const boothLinkSchema = z.object({
  label: z.string().trim().min(1).max(80),
  url: safeUrlSchema,
});

export const openingIntervalSchema = z
  .object({ opensAt: z.iso.datetime({ offset: true }), closesAt: z.iso.datetime({ offset: true }) })
  .refine((v) => Date.parse(v.opensAt) < Date.parse(v.closesAt), {
    message: 'A booth must open before it closes',
    path: ['closesAt'],
  });

export const updateBoothSchema = z
  .object({
    organisation: z.string().trim().min(1).max(200),
    tagline: z.string().trim().max(300),
    description: z.string().max(20_000),
    tier: boothTierSchema,
    topics: z.array(z.string().trim().min(1).max(60)).max(12),
    links: z.array(boothLinkSchema).max(10),
    openingHours: z.array(openingIntervalSchema).max(20),
  })
  .partial();
export type UpdateBoothRequest = z.infer<typeof updateBoothSchema>;

/** A new booth in the hall; without a slug the server derives one from the organisation. */
export const createBoothSchema = z.object({
  organisation: z.string().trim().min(1).max(200),
  slug: slugSchema.optional(),
  tagline: z.string().trim().max(300).default(''),
  tier: boothTierSchema.default('standard'),
});
export type CreateBoothRequest = z.input<typeof createBoothSchema>;

/** Removing a booth takes its name, typed again, so a stray request cannot remove one. */
export const deleteBoothSchema = z.object({
  organisation: z.string().trim().min(1).max(200),
});
export type DeleteBoothRequest = z.infer<typeof deleteBoothSchema>;

export const boothDocumentViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  bytes: z.number().int(),
  url: z.string(),
  createdAt: z.iso.datetime(),
});
export type BoothDocumentView = z.infer<typeof boothDocumentViewSchema>;

export const boothSummaryViewSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  organisation: z.string(),
  tagline: z.string(),
  tier: boothTierSchema,
  topics: z.array(z.string()),
  position: z.number().int(),
  logoUrl: z.string().nullable(),
  openNow: z.boolean(),
  /** How many of the booth's staff are in its room right now (live presence). */
  staffOnline: z.number().int(),
});
export type BoothSummaryView = z.infer<typeof boothSummaryViewSchema>;

export const boothViewSchema = boothSummaryViewSchema.extend({
  /** The Markdown as written, for the editor. */
  description: z.string(),
  /** The Markdown rendered on the server to an allowlisted subset of HTML. */
  descriptionHtml: z.string(),
  bannerUrl: z.string().nullable(),
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  openingHours: z.array(z.object({ opensAt: z.string(), closesAt: z.string() })),
  documents: z.array(boothDocumentViewSchema),
  /** True when the caller may edit this booth and see its leads. */
  canManage: z.boolean(),
});
export type BoothView = z.infer<typeof boothViewSchema>;

export const boothImageContentTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const maxBoothImageBytes = 1_000_000;

/** PDF and office files; anything else is refused, whatever its name says. */
export const boothDocumentContentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export const maxBoothDocumentBytes = 10_000_000;

export const renameBoothDocumentSchema = z.object({ title: z.string().trim().min(1).max(200) });
export type RenameBoothDocumentRequest = z.infer<typeof renameBoothDocumentSchema>;

export const leadFields = ['name', 'email', 'organisation', 'message'] as const;
export const leadFieldSchema = z.enum(leadFields);
export type LeadField = z.infer<typeof leadFieldSchema>;

/** The attendee's explicit share: which fields, and the values they chose to give. */
export const shareContactSchema = z
  .object({
    fields: z.array(leadFieldSchema).min(1).max(leadFields.length),
    organisation: z.string().trim().max(200).optional(),
    message: z.string().trim().max(1000).optional(),
  })
  .refine((v) => v.fields.includes('name') || v.fields.includes('email'), {
    message: 'Share at least your name or your e-mail address',
    path: ['fields'],
  });
export type ShareContactRequest = z.infer<typeof shareContactSchema>;

export const updateLeadSchema = z
  .object({
    note: z.string().max(5000),
    rating: z.number().int().min(1).max(5).nullable(),
  })
  .partial();
export type UpdateLeadRequest = z.infer<typeof updateLeadSchema>;

/** What a booth's staff see of a lead: exactly the shared fields, nothing else. */
export const leadViewSchema = z.object({
  id: z.uuid(),
  sharedFields: z.array(leadFieldSchema),
  name: z.string().nullable(),
  email: z.string().nullable(),
  organisation: z.string().nullable(),
  message: z.string().nullable(),
  consentedAt: z.iso.datetime(),
  note: z.string(),
  rating: z.number().int().nullable(),
});
export type LeadView = z.infer<typeof leadViewSchema>;

/** What attendees see of their own shares, including withdrawn ones. */
export const myShareViewSchema = z.object({
  id: z.uuid(),
  boothId: z.uuid(),
  boothSlug: z.string(),
  organisation: z.string(),
  sharedFields: z.array(leadFieldSchema),
  consentedAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
});
export type MyShareView = z.infer<typeof myShareViewSchema>;

export const conversationStates = ['waiting', 'active', 'ended', 'left'] as const;
export const conversationStateSchema = z.enum(conversationStates);
export type ConversationState = z.infer<typeof conversationStateSchema>;

/** A "talk to us" request as its visitor or the booth's staff see it. */
export const conversationViewSchema = z.object({
  id: z.uuid(),
  boothId: z.uuid(),
  state: conversationStateSchema,
  /** 1 for the next in line; null once it is no longer waiting. */
  position: z.number().int().nullable(),
  /** Shown to staff only: who asked, which the visitor revealed by asking. */
  visitorName: z.string().nullable(),
  /** Shown to staff only: who of them holds the conversation, so each finds their own call. */
  staffId: z.uuid().nullable(),
  queuedAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

/** The caller's open request at a booth, if they have one. */
export const myConversationSchema = z.object({ conversation: conversationViewSchema.nullable() });
export type MyConversation = z.infer<typeof myConversationSchema>;

/** Sent to `user:<id>` of each free staff member while visitors wait at their booth. */
export interface ConversationOffer {
  boothId: string;
  waiting: number;
}

/** A recorded booth view; null for the booth's own staff, who are not visitors. */
export const boothVisitSchema = z.object({ id: z.uuid().nullable() });
export type BoothVisitView = z.infer<typeof boothVisitSchema>;

/** Counts for a booth's staff (their booth) and organizers (every booth); never who visited. */
export const boothStatsViewSchema = z.object({
  boothId: z.uuid(),
  organisation: z.string(),
  views: z.number().int(),
  uniqueVisitors: z.number().int(),
  secondsSpent: z.number().int(),
  chatMessages: z.number().int(),
  conversations: z.number().int(),
  /** Views per hour over the last 24 hours, oldest first. */
  hourly: z.array(z.object({ hour: z.iso.datetime(), views: z.number().int() })),
});
export type BoothStatsView = z.infer<typeof boothStatsViewSchema>;
