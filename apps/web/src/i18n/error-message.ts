import type { ApiError } from '../api/client';
import type { Messages } from './de';

/**
 * The sentence a person sees for a failure that is not about one form field. Server messages
 * are English and written for developers, so known codes get a translated sentence instead.
 */
export function describeError(error: ApiError, t: Messages): string {
  switch (error.code) {
    case 'NETWORK_FAILED':
      return t.errors.network;
    // A part of the server is away (the database during an outage): with the server's hint,
    // say how long to wait.
    case 'SERVICE_UNAVAILABLE':
      return error.retryAfterMs === undefined
        ? t.errors.unavailable
        : t.errors.unavailableFor(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    case 'LOGIN_THROTTLED':
    case 'RATE_LIMITED':
      return t.errors.throttled(Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 1000)));
    // The server is saturated (HTTP 503 BUSY): nothing happened, trying again soon works.
    case 'BUSY':
      return t.errors.busy(Math.max(1, Math.ceil((error.retryAfterMs ?? 2000) / 1000)));
    case 'EMAIL_LINK_INVALID':
      return t.emailLinks.invalid;
    default:
      return t.errors.generic;
  }
}
