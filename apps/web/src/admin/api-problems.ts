import type { ApiError } from '../api/client';
import type { FieldProblems, Problem } from '../components/form-parts';
import { describeError } from '../i18n/error-message';

/**
 * Places a failed request's problems on the form: a 422's field messages next to their fields,
 * anything the form has no field for, and every other failure, above it in the summary.
 */
export function problemsFromApiError<Field extends string>(
  error: ApiError,
  order: readonly Field[],
): { fields: FieldProblems<Field>; form: Problem | null } {
  if (error.code === 'FORBIDDEN') {
    return { fields: {}, form: (t) => t.admin.forbidden };
  }
  if (error.code !== 'VALIDATION_FAILED') {
    return { fields: {}, form: (t) => describeError(error, t) };
  }
  const fields: FieldProblems<Field> = {};
  for (const field of order) {
    const message = error.fieldMessage(field);
    if (message) {
      fields[field] = () => message;
    }
  }
  const known: readonly string[] = order;
  const elsewhere = error.fields.filter((field) => !known.includes(field.path));
  let form: Problem | null = null;
  if (elsewhere.length > 0) {
    const text = elsewhere.map((field) => field.message).join(' ');
    form = () => text;
  } else if (Object.keys(fields).length === 0) {
    form = () => error.message;
  }
  return { fields, form };
}
