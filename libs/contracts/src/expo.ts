import { z } from 'zod';

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

export interface BoothDocumentView {
  id: string;
  title: string;
  fileName: string;
  contentType: string;
  bytes: number;
  url: string;
  createdAt: string;
}

export interface BoothSummaryView {
  id: string;
  slug: string;
  organisation: string;
  tagline: string;
  tier: (typeof boothTiers)[number];
  topics: string[];
  position: number;
  logoUrl: string | null;
  openNow: boolean;
  /** How many of the booth's staff are in its room right now (live presence). */
  staffOnline: number;
}

export interface BoothView extends BoothSummaryView {
  /** The Markdown as written, for the editor. */
  description: string;
  /** The Markdown rendered on the server to an allowlisted subset of HTML. */
  descriptionHtml: string;
  bannerUrl: string | null;
  links: Array<z.infer<typeof boothLinkSchema>>;
  openingHours: Array<{ opensAt: string; closesAt: string }>;
  documents: BoothDocumentView[];
  /** True when the caller may edit this booth and see its leads. */
  canManage: boolean;
}

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
export interface LeadView {
  id: string;
  sharedFields: LeadField[];
  name: string | null;
  email: string | null;
  organisation: string | null;
  message: string | null;
  consentedAt: string;
  note: string;
  rating: number | null;
}

/** What attendees see of their own shares, including withdrawn ones. */
export interface MyShareView {
  id: string;
  boothId: string;
  boothSlug: string;
  organisation: string;
  sharedFields: LeadField[];
  consentedAt: string;
  withdrawnAt: string | null;
}

export const conversationStates = ['waiting', 'active', 'ended', 'left'] as const;
export type ConversationState = (typeof conversationStates)[number];

/** A "talk to us" request as its visitor or the booth's staff see it. */
export interface ConversationView {
  id: string;
  boothId: string;
  state: ConversationState;
  /** 1 for the next in line; null once it is no longer waiting. */
  position: number | null;
  /** Shown to staff only: who asked, which the visitor revealed by asking. */
  visitorName: string | null;
  /** Shown to staff only: who of them holds the conversation, so each finds their own call. */
  staffId: string | null;
  queuedAt: string;
  acceptedAt: string | null;
}

/** Sent to `user:<id>` of each free staff member while visitors wait at their booth. */
export interface ConversationOffer {
  boothId: string;
  waiting: number;
}

/** Counts for a booth's staff (their booth) and organizers (every booth); never who visited. */
export interface BoothStatsView {
  boothId: string;
  organisation: string;
  views: number;
  uniqueVisitors: number;
  secondsSpent: number;
  chatMessages: number;
  conversations: number;
  /** Views per hour over the last 24 hours, oldest first. */
  hourly: Array<{ hour: string; views: number }>;
}
