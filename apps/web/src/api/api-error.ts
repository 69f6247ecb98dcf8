import type { ErrorCode, FieldError } from '@plenum/contracts';

/** Server codes plus the two failures that never reach the server's error filter. */
export type ClientErrorCode = ErrorCode | 'NETWORK_FAILED' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: readonly FieldError[] = [],
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** The server's message for one form field, matched on the zod path (`email`, `password`). */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((field) => field.path === path)?.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFields(details: unknown): FieldError[] {
  if (!isRecord(details) || !Array.isArray(details.fields)) {
    return [];
  }
  return details.fields.flatMap((field: unknown) =>
    isRecord(field) && typeof field.path === 'string' && typeof field.message === 'string'
      ? [{ path: field.path, message: field.message }]
      : [],
  );
}

/**
 * Builds an ApiError from any failed response. Proxies and gateways answer with HTML or empty
 * bodies, so the body is checked piece by piece instead of being trusted as an ErrorBody.
 */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isRecord(body) && typeof body.code === 'string' && typeof body.message === 'string') {
    const retryAfterMs = typeof body.retryAfterMs === 'number' ? body.retryAfterMs : undefined;
    return new ApiError(
      response.status,
      body.code as ErrorCode,
      body.message,
      readFields(body.details),
      retryAfterMs,
    );
  }
  const code: ClientErrorCode =
    response.status === 503 ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED_RESPONSE';
  return new ApiError(response.status, code, `HTTP ${response.status} ${response.statusText}`);
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'NETWORK_FAILED', 'The server could not be reached');
  error.cause = cause;
  return error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
