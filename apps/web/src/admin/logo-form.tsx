import type { EventView } from '@plenum/contracts';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, TextField } from '../components/form-parts';
import type { Problem } from '../components/form-parts';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { useEvent, useReplaceEvent } from '../layout/event-layout';

// Mirror logoContentTypes and maxLogoBytes in @plenum/contracts; importing the values would
// bring zod into the bundle.
const logoContentTypes: readonly string[] = ['image/png', 'image/jpeg', 'image/webp'];
const maxLogoBytes = 1_000_000;
const idPrefix = 'logo';

function checkFile(file: File | null, intlLocale: string): Problem | null {
  if (!file) {
    return (t) => t.admin.logo.fileMissing;
  }
  if (!logoContentTypes.includes(file.type)) {
    return (t) => t.admin.logo.wrongType(file.name);
  }
  if (file.size === 0) {
    return (t) => t.admin.logo.empty;
  }
  if (file.size > maxLogoBytes) {
    const megabytes = new Intl.NumberFormat(intlLocale, {
      maximumFractionDigits: 1,
    }).format(file.size / 1_000_000);
    return (t) => t.admin.logo.tooLarge(`${megabytes} MB`);
  }
  return null;
}

/** The server names the rejection by status; its English message is not for organizers. */
function problemFromServer(error: ApiError): Problem {
  switch (error.status) {
    case 413:
      return (t) => t.admin.logo.rejectedTooLarge;
    case 415:
      return (t) => t.admin.logo.rejectedType;
    case 422:
      return (t) => t.admin.logo.rejectedContent;
    case 403:
      return (t) => t.admin.forbidden;
    default:
      return (t) => describeError(error, t);
  }
}

export function LogoForm() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const replaceEvent = useReplaceEvent();
  const announce = useAnnounce();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const [pending, setPending] = useState(false);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setUploaded(false);
    // Tell at once when the file cannot work, rather than after a wasted upload.
    const found = chosen ? checkFile(chosen, intlLocale) : null;
    setProblem(() => found);
  };

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const found = checkFile(file, intlLocale);
    setProblem(() => found);
    setUploaded(false);
    if (found || !file) {
      return;
    }
    setPending(true);
    try {
      const saved = await api.putRaw<EventView>(
        `/api/events/${encodeURIComponent(event.slug)}/logo`,
        {
          data: file,
          contentType: file.type,
        },
      );
      replaceEvent(saved);
      setFile(null);
      if (input.current) {
        input.current.value = '';
      }
      setUploaded(true);
      announce(t.admin.logo.uploaded);
    } catch (error) {
      const fromServer: Problem =
        error instanceof ApiError ? problemFromServer(error) : (tt) => tt.errors.generic;
      setProblem(() => fromServer);
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <div className="logo-current">
        <p className="logo-current-label">{t.admin.logo.current}</p>
        {event.logoUrl ? (
          <img className="logo-preview" src={event.logoUrl} alt={t.event.logoAlt(event.title)} />
        ) : (
          <p className="muted">{t.admin.logo.none}</p>
        )}
      </div>
      <ErrorSummary
        fieldProblems={problem ? [{ field: 'file', problem }] : []}
        idPrefix={idPrefix}
      />
      <form
        className="form admin-form"
        noValidate
        onSubmit={(formEvent) => void submit(formEvent)}
        aria-busy={pending}
      >
        <TextField
          idPrefix={idPrefix}
          name="file"
          label={t.admin.logo.file}
          hint={t.admin.logo.fileHint}
          type="file"
          accept={logoContentTypes.join(',')}
          ref={input}
          onChange={(change) => choose(change.target.files?.[0] ?? null)}
          error={problem?.(t)}
        />
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.admin.logo.submitting : t.admin.logo.submit}
        </button>
        {uploaded ? <p className="notice notice-success">{t.admin.logo.uploaded}</p> : null}
      </form>
    </>
  );
}
