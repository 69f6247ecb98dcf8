import { z } from 'zod';

/** Stable error codes answered by the HTTP and socket filters. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'LOGIN_THROTTLED',
  'UNSUBSCRIBE_TOKEN_INVALID',
  'RATE_LIMITED',
  'BUSY',
  'QA_CLOSED',
  'QUESTION_NOT_EDITABLE',
  'QUESTION_TOO_LONG',
  'POLL_NOT_OPEN',
  'POLL_ALREADY_VOTED',
  'STAGE_DOUBLE_BOOKED',
  'SESSION_STATE_CONFLICT',
  'SCHEDULE_INVALID',
  'UNKNOWN_EVENT',
  'NOT_IN_ROOM',
  'MESSAGE_TOO_LONG',
  'CHAT_MUTED',
  'SLOW_MODE',
  'INVITATION_INVALID',
  'EMAIL_LINK_INVALID',
  'INVITATION_SIGN_IN_REQUIRED',
  'INVITATION_OTHER_ACCOUNT',
  'NO_STAFF_ONLINE',
  'BOOTH_HAS_LEADS',
  'STAFF_BUSY',
  'REFRESH_INVALID',
  'WORKSHOP_REGISTRATION_CLOSED',
  'WORKSHOP_NOT_REGISTERED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'VIDEO_NOT_CONFIGURED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  retryAfterMs: z.number().int().optional(),
  details: z
    .object({ fields: z.array(fieldErrorSchema).optional() })
    .passthrough()
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
