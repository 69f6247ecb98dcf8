import type { CreateEventRequest, EventView, Locale } from '@plenum/contracts';
import { suggestSlug } from '@plenum/contracts';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { problemsFromApiError } from '../admin/api-problems';
import { commonTimeZones } from '../admin/event-settings-form';
import { LogoForm } from '../admin/logo-form';
import { useAuth } from '../auth/auth-context';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { ErrorSummary, SelectField, TextField, listProblems } from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { MainContent } from '../components/main-content';
import { uiLocales, useI18n } from '../i18n/i18n';
import { EventScope, adminArea, eventPath } from '../layout/event-layout';

type EventField = 'title' | 'slug' | 'startsOn' | 'endsOn' | 'timeZone' | 'defaultLocale';
const fieldOrder: readonly EventField[] = [
  'title',
  'slug',
  'startsOn',
  'endsOn',
  'timeZone',
  'defaultLocale',
];
const idPrefix = 'new-event';
const timeZoneListId = 'new-event-time-zones';
// Mirrors slugSchema in @plenum/contracts, with messages in the reader's language.
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const forbiddenProblem: Problem = (t) => t.newEvent.forbidden;
const genericProblem: Problem = (t) => t.errors.generic;

interface Draft {
  title: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  defaultLocale: Locale;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function validate(draft: Draft): FieldProblems<EventField> {
  const problems: FieldProblems<EventField> = {};
  const title = draft.title.trim();
  if (title === '') problems.title = (t) => t.newEvent.titleMissing;
  else if (title.length < 3) problems.title = (t) => t.newEvent.titleTooShort;
  if (draft.slug === '') problems.slug = (t) => t.newEvent.slugMissing;
  else if (draft.slug.length < 3 || draft.slug.length > 64 || !slugPattern.test(draft.slug)) {
    problems.slug = (t) => t.newEvent.slugInvalid;
  }
  if (draft.startsOn === '') problems.startsOn = (t) => t.newEvent.startsOnMissing;
  if (draft.endsOn === '') problems.endsOn = (t) => t.newEvent.endsOnMissing;
  else if (draft.startsOn !== '' && draft.endsOn < draft.startsOn) {
    problems.endsOn = (t) => t.newEvent.endBeforeStart;
  }
  const timeZone = draft.timeZone.trim();
  if (timeZone === '') problems.timeZone = (t) => t.newEvent.timeZoneMissing;
  else if (!isKnownTimeZone(timeZone)) problems.timeZone = (t) => t.newEvent.timeZoneUnknown;
  return problems;
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Berlin';
}

/**
 * The new-event wizard: the basics create the event (its creator becomes its organizer), then
 * the logo, which may be skipped; it ends on the new event's administration page.
 */
export function NewEventPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { reloadMemberships } = useAuth();
  const [draft, setDraft] = useState<Draft>(() => ({
    title: '',
    slug: '',
    startsOn: '',
    endsOn: '',
    timeZone: browserTimeZone(),
    defaultLocale: locale,
  }));
  // The slug follows the title until the organizer types one of their own.
  const [slugTouched, setSlugTouched] = useState(false);
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<EventField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<EventView | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t.newEvent.title);

  useEffect(() => {
    if (created) stepHeading.current?.focus();
  }, [created]);

  const edit = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    setDraft((current) => {
      const next = { ...current, [key]: value };
      if (key === 'title' && !slugTouched) next.slug = suggestSlug(String(value));
      return next;
    });
  };

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const problems = validate(draft);
    setFieldProblems(problems);
    setFormProblem(null);
    if (Object.keys(problems).length > 0) return;
    const request: CreateEventRequest = {
      title: draft.title.trim(),
      slug: draft.slug,
      startsOn: draft.startsOn,
      endsOn: draft.endsOn,
      timeZone: draft.timeZone.trim(),
      defaultLocale: draft.defaultLocale,
    };
    setPending(true);
    try {
      const event = await api.post<EventView>('/api/events', request);
      // The creator is now the event's organizer: the roles behind the navigation change.
      reloadMemberships();
      setCreated(event);
      announce(t.newEvent.created(event.title));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FORBIDDEN') {
        setFormProblem(() => forbiddenProblem);
      } else if (error instanceof ApiError) {
        const fromServer = problemsFromApiError(error, fieldOrder);
        // The form checked the slug's format already: what the server still refuses is taken.
        if (error.fieldMessage('slug')) {
          fromServer.fields.slug = (tt) => tt.newEvent.slugTaken;
        }
        setFieldProblems(fromServer.fields);
        setFormProblem(() => fromServer.form);
      } else {
        setFormProblem(() => genericProblem);
      }
    } finally {
      setPending(false);
    }
  };

  const finish = () => {
    if (created) void navigate(eventPath(created.slug, adminArea));
  };

  const localeOptions = uiLocales.map((l) => ({ value: l, label: t.language[l] }));
  const example = `${window.location.origin}/e/${draft.slug || 'kongress-2026'}`;

  return (
    <MainContent>
      <h1>{t.newEvent.title}</h1>
      <p className="lead">{t.newEvent.intro}</p>
      {created ? (
        <section aria-labelledby="new-event-step">
          <h2 id="new-event-step" ref={stepHeading} tabIndex={-1}>
            {t.newEvent.stepOf(2, 2)}: {t.newEvent.logoStep}
          </h2>
          <p className="notice notice-success" role="status">
            {t.newEvent.created(created.title)}
          </p>
          <p>{t.newEvent.logoIntro}</p>
          <EventScope event={created} replaceEvent={setCreated}>
            <LogoForm />
          </EventScope>
          <p>
            <button type="button" className="button button-primary" onClick={finish}>
              {created.logoUrl ? t.newEvent.toAdmin : t.newEvent.skipLogo}
            </button>
          </p>
        </section>
      ) : (
        <section aria-labelledby="new-event-step">
          <h2 id="new-event-step">
            {t.newEvent.stepOf(1, 2)}: {t.newEvent.basics}
          </h2>
          <ErrorSummary
            fieldProblems={listProblems(fieldOrder, fieldProblems)}
            formProblem={formProblem}
            idPrefix={idPrefix}
          />
          <form
            className="form admin-form"
            noValidate
            aria-busy={pending}
            onSubmit={(formEvent) => void submit(formEvent)}
          >
            <TextField
              idPrefix={idPrefix}
              name="title"
              label={t.newEvent.eventTitle}
              required
              maxLength={200}
              autoComplete="off"
              value={draft.title}
              onChange={(change) => edit('title', change.target.value)}
              error={fieldProblems.title?.(t)}
            />
            <TextField
              idPrefix={idPrefix}
              name="slug"
              label={t.newEvent.slug}
              hint={t.newEvent.slugHint(example)}
              required
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              value={draft.slug}
              onChange={(change) => {
                setSlugTouched(true);
                edit('slug', change.target.value.trim().toLowerCase());
              }}
              error={fieldProblems.slug?.(t)}
            />
            <div className="field-pair">
              <TextField
                idPrefix={idPrefix}
                name="startsOn"
                label={t.newEvent.startsOn}
                type="date"
                required
                value={draft.startsOn}
                onChange={(change) => edit('startsOn', change.target.value)}
                error={fieldProblems.startsOn?.(t)}
              />
              <TextField
                idPrefix={idPrefix}
                name="endsOn"
                label={t.newEvent.endsOn}
                type="date"
                required
                min={draft.startsOn || undefined}
                value={draft.endsOn}
                onChange={(change) => edit('endsOn', change.target.value)}
                error={fieldProblems.endsOn?.(t)}
              />
            </div>
            <TextField
              idPrefix={idPrefix}
              name="timeZone"
              label={t.newEvent.timeZone}
              hint={t.newEvent.timeZoneHint}
              list={timeZoneListId}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="none"
              required
              value={draft.timeZone}
              onChange={(change) => edit('timeZone', change.target.value)}
              error={fieldProblems.timeZone?.(t)}
            />
            <datalist id={timeZoneListId}>
              {commonTimeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <SelectField
              idPrefix={idPrefix}
              name="defaultLocale"
              label={t.newEvent.language}
              hint={t.newEvent.languageHint}
              options={localeOptions}
              value={draft.defaultLocale}
              onValueChange={(chosen) => edit('defaultLocale', chosen)}
              error={fieldProblems.defaultLocale?.(t)}
            />
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? t.newEvent.submitting : t.newEvent.submit}
            </button>
          </form>
          <p>
            <Link to="/">{t.home.title}</Link>
          </p>
        </section>
      )}
    </MainContent>
  );
}
