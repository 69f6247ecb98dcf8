import type { InvitationRequest, InvitationResponse, Locale, Role } from '@plenum/contracts';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { ErrorSummary, SelectField, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { uiLocales, useI18n } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';
import { problemsFromApiError } from './api-problems';
import { roleOrder } from './roles';

type InviteField = 'email' | 'displayName' | 'role' | 'locale';
const fieldOrder: readonly InviteField[] = ['email', 'displayName', 'role', 'locale'];
const idPrefix = 'invite';

// Deliberately loose: the server's zod schema is the real check, this only catches typos early.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const maxDisplayNameLength = 120;

const genericProblem: Problem = (t) => t.errors.generic;

interface Draft {
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
}

export interface Invited {
  response: InvitationResponse;
  email: string;
  displayName: string;
}

function validate(draft: Draft): FieldProblems<InviteField> {
  const problems: FieldProblems<InviteField> = {};
  const email = draft.email.trim();
  if (email === '') {
    problems.email = (t) => t.admin.invitation.emailMissing;
  } else if (!emailShape.test(email)) {
    problems.email = (t) => t.admin.invitation.emailInvalid;
  }
  const displayName = draft.displayName.trim();
  if (displayName === '') {
    problems.displayName = (t) => t.admin.invitation.displayNameMissing;
  } else if (displayName.length > maxDisplayNameLength) {
    problems.displayName = (t) => t.admin.invitation.displayNameTooLong;
  }
  return problems;
}

export function InvitationLink({ invited }: { invited: Invited }) {
  const { t } = useI18n();
  const url = invited.response.inviteUrl;
  if (url === null) {
    // An existing account: only its owner gets a link, by e-mail, and accepts signed in.
    return (
      <div className="invitation-result">
        <h4 className="invitation-result-title">{t.admin.invitation.createdTitle}</h4>
        <p>{t.admin.invitation.createdForAccount(invited.email)}</p>
      </div>
    );
  }
  return <NewAccountLink invited={invited} url={url} />;
}

function NewAccountLink({ invited, url }: { invited: Invited; url: string }) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const link = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'copied' | 'manual' | null>(null);
  const until = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(invited.response.expiresAt));

  const copyLink = async () => {
    try {
      // The Clipboard API exists only in secure contexts and may still be refused.
      if (typeof navigator.clipboard === 'undefined') {
        throw new Error('No clipboard access');
      }
      await navigator.clipboard.writeText(url);
      setCopy('copied');
      announce(t.admin.invitation.copied);
    } catch {
      link.current?.focus();
      link.current?.select();
      setCopy('manual');
      announce(t.admin.invitation.copyManually);
    }
  };

  return (
    <div className="invitation-result">
      <h4 className="invitation-result-title">{t.admin.invitation.createdTitle}</h4>
      <p>{t.admin.invitation.created(invited.displayName, invited.email)}</p>
      <div className="field">
        <label htmlFor="invite-link" className="field-label">
          {t.admin.invitation.link}
        </label>
        <p id="invite-link-hint" className="field-hint">
          {t.admin.invitation.linkHint(until)}
        </p>
        <div className="copy-row">
          <input
            ref={link}
            id="invite-link"
            className="field-input copy-row-input"
            type="text"
            readOnly
            spellCheck={false}
            aria-describedby="invite-link-hint"
            value={url}
            onFocus={(focus) => focus.target.select()}
          />
          <button type="button" className="button button-secondary" onClick={() => void copyLink()}>
            {t.admin.invitation.copy}
          </button>
        </div>
        {copy ? (
          <p className="copy-status">
            {copy === 'copied' ? t.admin.invitation.copied : t.admin.invitation.copyManually}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const event = useEvent();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Draft>({
    email: '',
    displayName: '',
    role: 'attendee',
    locale: event.defaultLocale,
  });
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<InviteField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [invited, setInvited] = useState<Invited | null>(null);
  const [pending, setPending] = useState(false);

  const edit = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const problems = validate(draft);
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) {
      return;
    }
    const request: InvitationRequest = {
      email: draft.email.trim(),
      displayName: draft.displayName.trim(),
      role: draft.role,
      locale: draft.locale,
    };
    setPending(true);
    try {
      const response = await api.post<InvitationResponse>(
        `/api/events/${encodeURIComponent(event.slug)}/invitations`,
        request,
      );
      setInvited({ response, email: request.email, displayName: request.displayName });
      // Role and language often stay the same for the next person on a list.
      setDraft((current) => ({ ...current, email: '', displayName: '' }));
      announce(t.admin.invitation.announced(request.displayName));
      onInvited();
    } catch (error) {
      if (error instanceof ApiError) {
        const fromServer = problemsFromApiError(error, fieldOrder);
        setFieldProblems(fromServer.fields);
        setFormProblem(() => fromServer.form);
      } else {
        setFormProblem(() => genericProblem);
      }
    } finally {
      setPending(false);
    }
  };

  const roleOptions = roleOrder.map((role) => ({ value: role, label: t.roles[role] }));
  const localeOptions = uiLocales.map((locale) => ({ value: locale, label: t.language[locale] }));

  return (
    <>
      <p>{t.admin.invitation.intro}</p>
      <ErrorSummary
        fieldProblems={listProblems(fieldOrder, fieldProblems)}
        formProblem={formProblem}
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
          name="email"
          label={t.admin.invitation.email}
          type="email"
          autoComplete="off"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          required
          value={draft.email}
          onChange={(change) => edit('email', change.target.value)}
          error={fieldProblems.email?.(t)}
        />
        <TextField
          idPrefix={idPrefix}
          name="displayName"
          label={t.admin.invitation.displayName}
          hint={t.admin.invitation.displayNameHint}
          autoComplete="off"
          required
          maxLength={maxDisplayNameLength}
          value={draft.displayName}
          onChange={(change) => edit('displayName', change.target.value)}
          error={fieldProblems.displayName?.(t)}
        />
        <div className="field-pair">
          <SelectField
            idPrefix={idPrefix}
            name="role"
            label={t.admin.invitation.role}
            options={roleOptions}
            value={draft.role}
            onValueChange={(role) => edit('role', role)}
            error={fieldProblems.role?.(t)}
          />
          <SelectField
            idPrefix={idPrefix}
            name="locale"
            label={t.admin.invitation.locale}
            options={localeOptions}
            value={draft.locale}
            onValueChange={(locale) => edit('locale', locale)}
            error={fieldProblems.locale?.(t)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.admin.invitation.submitting : t.admin.invitation.submit}
        </button>
      </form>
      {invited ? <InvitationLink key={invited.response.invitationId} invited={invited} /> : null}
    </>
  );
}
