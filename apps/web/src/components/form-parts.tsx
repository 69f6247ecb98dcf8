import type {
  InputHTMLAttributes,
  MouseEvent,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
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

/** The id of a form control; forms that share a page pass their own prefix to keep ids unique. */
export function fieldId(name: string, idPrefix = 'field'): string {
  return `${idPrefix}-${name}`;
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, hint and error around one control, tied to it with aria-describedby. */
function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
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
      {children(describedBy)}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  idPrefix?: string;
}

type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & { ref?: Ref<HTMLInputElement> };

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ name, label, hint, error, idPrefix, ...inputProps }: TextFieldProps) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          className="field-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
      )}
    </FieldFrame>
  );
}

type TextAreaFieldProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'>;

export function TextAreaField({
  name,
  label,
  hint,
  error,
  idPrefix,
  ...textareaProps
}: TextAreaFieldProps) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          className="field-input field-textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...textareaProps}
        />
      )}
    </FieldFrame>
  );
}

type SelectFieldProps<Value extends string> = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'value' | 'onChange'> & {
    value: Value;
    options: readonly { value: Value; label: string }[];
    onValueChange: (value: Value) => void;
  };

/** A labelled select over a fixed set of values, typed so a change yields one of them. */
export function SelectField<Value extends string>({
  name,
  label,
  hint,
  error,
  idPrefix,
  value,
  options,
  onValueChange,
  ...selectProps
}: SelectFieldProps<Value>) {
  const id = fieldId(name, idPrefix);
  const choose = (raw: string) => {
    const option = options.find((candidate) => candidate.value === raw);
    if (option) {
      onValueChange(option.value);
    }
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          name={name}
          className="field-input field-select"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value}
          onChange={(event) => choose(event.target.value)}
          {...selectProps}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** Fragment links only scroll in some browsers; a summary link must also put focus in the field. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const input = document.getElementById(id);
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
  /** The prefix the form's fields were given, when it is not the default. */
  idPrefix?: string;
}

/**
 * The list of problems above a form. role=alert makes screen readers read it as soon as it
 * appears after a failed submit, without moving focus away from the button.
 */
export function ErrorSummary({ fieldProblems, formProblem, idPrefix }: ErrorSummaryProps) {
  const t = useT();
  if (fieldProblems.length === 0 && !formProblem) {
    return null;
  }
  return (
    <div className="error-summary" role="alert">
      <p className="error-summary-title">{t.errors.summaryTitle}</p>
      <ul>
        {formProblem ? <li>{formProblem(t)}</li> : null}
        {fieldProblems.map(({ field, problem }) => {
          const id = fieldId(field, idPrefix);
          return (
            <li key={field}>
              <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                {problem(t)}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
