import type { ErrorCode, FieldError } from '@plenum/contracts';

/** The one error type: a stable code for clients, an HTTP status, and an optional retry hint. */
export class PlenumError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly extra: {
      retryAfterMs?: number;
      fields?: FieldError[];
      /** Machine-readable context, e.g. the session a double booking collides with. */
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'PlenumError';
  }

  static notFound(what = 'Not found'): PlenumError {
    return new PlenumError('NOT_FOUND', what, 404);
  }

  static forbidden(message = 'You are not allowed to do this'): PlenumError {
    return new PlenumError('FORBIDDEN', message, 403);
  }

  static unauthenticated(message = 'Sign in first'): PlenumError {
    return new PlenumError('UNAUTHENTICATED', message, 401);
  }

  static conflict(message: string): PlenumError {
    return new PlenumError('CONFLICT', message, 409);
  }

  static validation(fields: FieldError[], message = 'Some fields are not valid'): PlenumError {
    return new PlenumError('VALIDATION_FAILED', message, 422, { fields });
  }
}
