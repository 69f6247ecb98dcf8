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
  userId: z.uuid(),
  inviteUrl: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationSchema>;

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
