import type { InputHTMLAttributes, MouseEvent } from 'react';
import type { Messages } from '../i18n/de';
import { useT } from '../i18n/i18n';

/**
 * A message kept as a function of the dictionary, so errors already on screen follow a switch
 * of language instead of staying in the one they were raised in.
 */
export type Problem = (t: Messages) => string;

export type FieldProblems<Field extends string> = Partial<Record<Field, Problem>>;

/** Orders the problems for the summary the same way the fields appear in the form. */
export function listProblems<Field extends string>(
  order: readonly Field[],
  problems: FieldProblems<Field>,
): { field: Field; problem: Problem }[] {
  return order.flatMap((field) => {
    const problem = problems[field];
    return problem ? [{ field, problem }] : [];
  });
}

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ name, label, hint, error, ...inputProps }: TextFieldProps) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
    </div>
  );
}

/** Fragment links only scroll in some browsers; a summary link must also put focus in the field. */
function focusField(event: MouseEvent<HTMLAnchorElement>, field: string): void {
  const input = document.getElementById(`field-${field}`);
  if (input) {
    event.preventDefault();
    input.focus();
    input.scrollIntoView({ block: 'center' });
  }
}

interface ErrorSummaryProps {
  /** Problems tied to a field, linked so a keyboard user can jump to it. */
  fieldProblems: readonly { field: string; problem: Problem }[];
  /** A failure of the whole form, such as wrong credentials. */
  formProblem?: Problem | null;
}

/**
 * The list of problems above a form. role=alert makes screen readers read it as soon as it
 * appears after a failed submit, without moving focus away from the button.
 */
export function ErrorSummary({ fieldProblems, formProblem }: ErrorSummaryProps) {
  const t = useT();
  if (fieldProblems.length === 0 && !formProblem) {
    return null;
  }
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{t.errors.summaryTitle}</p>
      <ul>
        {formProblem ? <li>{formProblem(t)}</li> : null}
        {fieldProblems.map(({ field, problem }) => (
          <li key={field}>
            <a href={`#field-${field}`} onClick={(event) => focusField(event, field)}>
              {problem(t)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
