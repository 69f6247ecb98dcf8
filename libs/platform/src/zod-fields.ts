import type { ZodError } from 'zod';
import type { FieldError } from '@plenum/contracts';

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}
