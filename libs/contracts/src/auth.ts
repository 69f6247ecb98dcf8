import { z } from 'zod';
import { localeSchema } from './common';

export const roles = ['organizer', 'moderator', 'speaker', 'exhibitor', 'attendee'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid e-mail address' }).max(254));

export const passwordSchema = z
  .string()
  .min(8, 'At least 8 characters')
  .max(200, 'At most 200 characters');

export const loginRequestSchema = z.object({
  email: emailSchema,
  // Demo accounts use a short password, so login accepts any non-empty one.
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const membershipSchema = z.object({
  eventId: z.uuid(),
  eventSlug: z.string(),
  role: roleSchema,
  sessionId: z.uuid().nullable(),
  boothId: z.uuid().nullable(),
});
export type MembershipView = z.infer<typeof membershipSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: localeSchema,
  isPlatformAdmin: z.boolean(),
});
export type UserView = z.infer<typeof userSchema>;

export const loginResponseSchema = z.object({
  accessToken: z.string(),
  expiresInSeconds: z.number().int(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({
  user: userSchema,
  memberships: z.array(membershipSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const updateProfileSchema = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    locale: localeSchema,
  })
  .partial();
export type UpdateProfileRequest = z.infer<typeof updateProfileSchema>;

export const invitationRequestSchema = z
  .object({
    email: emailSchema,
    displayName: z.string().trim().min(1).max(120),
    role: roleSchema,
    sessionId: z.uuid().optional(),
    boothId: z.uuid().optional(),
    locale: localeSchema.optional(),
  })
  .refine((v) => !(v.sessionId && v.boothId), {
    message: 'A membership is scoped to a session or a booth, not both',
    path: ['boothId'],
  });
export type InvitationRequest = z.infer<typeof invitationRequestSchema>;

export const invitationResponseSchema = z.object({
  invitationId: z.uuid(),
  /** The address as typed: until the invitation is accepted, all the inviter learns. */
  email: z.string(),
  /**
   * The link that sets the password of an account this invitation made, for passing on by
   * hand; null for an account that existed already: only its owner gets a link, by e-mail.
   */
  inviteUrl: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

const invitationTokenField = z.string().min(20).max(200);

/** Sets the first password of an account an invitation made, and accepts it. */
export const acceptInvitationSchema = z.object({
  token: invitationTokenField,
  password: passwordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationSchema>;

/** Looks up, accepts (signed in) or declines the invitation behind a link. */
export const invitationTokenSchema = z.object({ token: invitationTokenField });
export type InvitationTokenRequest = z.infer<typeof invitationTokenSchema>;

/** What the invitation page shows to whoever holds the link. */
export const invitationDetailsSchema = z.object({
  eventSlug: z.string(),
  eventTitle: z.string(),
  role: roleSchema,
  scopeName: z.string().nullable(),
  email: z.string(),
  /**
   * true: the account has no password yet and the link sets one. false: its owner signs in and
   * accepts; the link never changes a password.
   */
  needsPassword: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type InvitationDetails = z.infer<typeof invitationDetailsSchema>;

export const acceptedInvitationSchema = z.object({ eventSlug: z.string() });
export type AcceptedInvitation = z.infer<typeof acceptedInvitationSchema>;

/** An invitation not answered yet, as the organizers see it: by the address they typed. */
export const pendingInvitationSchema = z.object({
  invitationId: z.uuid(),
  email: z.string(),
  role: roleSchema,
  sessionId: z.uuid().nullable(),
  boothId: z.uuid().nullable(),
  scopeName: z.string().nullable(),
  expiresAt: z.iso.datetime(),
});
export type PendingInvitationView = z.infer<typeof pendingInvitationSchema>;

export const memberSchema = z.object({
  membershipId: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: roleSchema,
  sessionId: z.uuid().nullable(),
  boothId: z.uuid().nullable(),
  /** The session title or booth organisation a scoped membership is for. */
  scopeName: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberSchema>;

/** Asks for a password-reset or sign-in link by e-mail. */
export const emailLinkRequestSchema = z.object({ email: emailSchema });
export type EmailLinkRequest = z.infer<typeof emailLinkRequestSchema>;

/**
 * The answer to a link request, the same whether or not an account has the address: the link
 * goes by e-mail to its owner, if there is one.
 */
export const emailLinkRequestedSchema = z.object({ accepted: z.literal(true) });
export type EmailLinkRequested = z.infer<typeof emailLinkRequestedSchema>;

const emailLinkTokenField = z.string().min(20).max(200);

/** Sets a new password with the link from a reset e-mail (and signs in). */
export const passwordResetSchema = z.object({
  token: emailLinkTokenField,
  password: passwordSchema,
});
export type PasswordResetRequest = z.infer<typeof passwordResetSchema>;

/** Signs in with the link from a sign-in e-mail. */
export const signInLinkSchema = z.object({ token: emailLinkTokenField });
export type SignInLinkRequest = z.infer<typeof signInLinkSchema>;

/** One signed-in device of the person, as "Meine Daten" lists it. */
export const signInViewSchema = z.object({
  id: z.uuid(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  /** The sign-in this request came with. */
  current: z.boolean(),
});
export type SignInView = z.infer<typeof signInViewSchema>;

/** Ends the person's sign-ins: all of them, or all but the one asking. */
export const endSignInsSchema = z.object({ keepThisOne: z.boolean() });
export type EndSignInsRequest = z.infer<typeof endSignInsSchema>;
