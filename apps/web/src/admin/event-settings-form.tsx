import type { EventView, Locale, MediaAccess, UpdateEventRequest } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  listProblems,
} from '../components/form-parts';
import type { FieldProblems, Problem } from '../components/form-parts';
import { uiLocales, useT } from '../i18n/i18n';
import { useEvent, useReplaceEvent } from '../layout/event-layout';
import { RetentionSetting } from '../privacy/retention-setting';
import { problemsFromApiError } from './api-problems';

type SettingsField =
  'title' | 'description' | 'timeZone' | 'startsOn' | 'endsOn' | 'defaultLocale' | 'mediaAccess';
const fieldOrder: readonly SettingsField[] = [
  'title',
  'description',
  'timeZone',
  'startsOn',
  'endsOn',
  'defaultLocale',
  'mediaAccess',
];
const idPrefix = 'event';

// Mirrors updateEventSchema in @plenum/contracts, with messages in the reader's language.
const minTitleLength = 3;
const maxTitleLength = 200;
const maxDescriptionLength = 20_000;

/** Suggestions only: any IANA zone the browser knows is accepted. */
export const commonTimeZones = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Luxembourg',
  'Europe/Brussels',
  'Europe/Amsterdam',
  'Europe/Paris',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Stockholm',
  'Europe/Helsinki',
  'Europe/Athens',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'UTC',
];
const timeZoneListId = 'event-time-zones';

const genericProblem: Problem = (t) => t.errors.generic;

interface Draft {
  title: string;
  description: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  defaultLocale: Locale;
  mediaAccess: MediaAccess;
}

function draftOf(event: EventView): Draft {
  return {
    title: event.title,
    description: event.description,
    timeZone: event.timeZone,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    defaultLocale: event.defaultLocale,
    mediaAccess: event.mediaAccess,
  };
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function validate(draft: Draft): FieldProblems<SettingsField> {
  const problems: FieldProblems<SettingsField> = {};
  const title = draft.title.trim();
  if (title === '') {
    problems.title = (t) => t.admin.settings.titleMissing;
  } else if (title.length < minTitleLength) {
    problems.title = (t) => t.admin.settings.titleTooShort;
  } else if (title.length > maxTitleLength) {
    problems.title = (t) => t.admin.settings.titleTooLong;
  }
  if (draft.description.length > maxDescriptionLength) {
    problems.description = (t) => t.admin.settings.descriptionTooLong;
  }
  const timeZone = draft.timeZone.trim();
  if (timeZone === '') {
    problems.timeZone = (t) => t.admin.settings.timeZoneMissing;
  } else if (!isKnownTimeZone(timeZone)) {
    problems.timeZone = (t) => t.admin.settings.timeZoneUnknown;
  }
  // A date input yields '' both when empty and when what was typed is not a date.
  if (draft.startsOn === '') {
    problems.startsOn = (t) => t.admin.settings.startsOnMissing;
  }
  if (draft.endsOn === '') {
    problems.endsOn = (t) => t.admin.settings.endsOnMissing;
  } else if (draft.startsOn !== '' && draft.endsOn < draft.startsOn) {
    problems.endsOn = (t) => t.admin.settings.endBeforeStart;
  }
  return problems;
}

/** Only what differs from the saved event, so a save never overwrites fields nobody touched. */
function changesOf(draft: Draft, event: EventView): UpdateEventRequest {
  const title = draft.title.trim();
  const timeZone = draft.timeZone.trim();
  const candidates: UpdateEventRequest = {
    title,
    description: draft.description,
    timeZone,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    defaultLocale: draft.defaultLocale,
    mediaAccess: draft.mediaAccess,
  };
  const changes: UpdateEventRequest = {};
  for (const key of Object.keys(candidates) as (keyof UpdateEventRequest)[]) {
    if (candidates[key] !== event[key]) {
      Object.assign(changes, { [key]: candidates[key] });
    }
  }
  return changes;
}

export function EventSettingsForm() {
  const t = useT();
  const event = useEvent();
  const replaceEvent = useReplaceEvent();
  const announce = useAnnounce();
  const [draft, setDraft] = useState<Draft>(() => draftOf(event));
  const [fieldProblems, setFieldProblems] = useState<FieldProblems<SettingsField>>({});
  const [formProblem, setFormProblem] = useState<Problem | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const [pending, setPending] = useState(false);

  const edit = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setOutcome(null);
  };

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const problems = validate(draft);
    setFieldProblems(problems);
    setFormProblem(null);
    setOutcome(null);
    if (Object.keys(problems).length > 0) {
      return;
    }
    const changes = changesOf(draft, event);
    if (Object.keys(changes).length === 0) {
      setOutcome('unchanged');
      announce(t.admin.settings.unchanged);
      return;
    }
    setPending(true);
    try {
      const saved = await api.patch<EventView>(
        `/api/events/${encodeURIComponent(event.slug)}`,
        changes,
      );
      replaceEvent(saved);
      setDraft(draftOf(saved));
      setOutcome('saved');
      announce(t.admin.settings.saved);
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

  const localeOptions = uiLocales.map((locale) => ({ value: locale, label: t.language[locale] }));

  return (
    <>
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
          name="title"
          label={t.admin.settings.eventTitle}
          lang={event.defaultLocale}
          required
          maxLength={maxTitleLength}
          value={draft.title}
          onChange={(change) => edit('title', change.target.value)}
          error={fieldProblems.title?.(t)}
        />
        <TextAreaField
          idPrefix={idPrefix}
          name="description"
          label={t.admin.settings.description}
          hint={t.admin.settings.descriptionHint}
          lang={event.defaultLocale}
          rows={8}
          maxLength={maxDescriptionLength}
          value={draft.description}
          onChange={(change) => edit('description', change.target.value)}
          error={fieldProblems.description?.(t)}
        />
        <TextField
          idPrefix={idPrefix}
          name="timeZone"
          label={t.admin.settings.timeZone}
          hint={t.admin.settings.timeZoneHint}
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
        <div className="field-pair">
          <TextField
            idPrefix={idPrefix}
            name="startsOn"
            label={t.admin.settings.startsOn}
            type="date"
            required
            value={draft.startsOn}
            onChange={(change) => edit('startsOn', change.target.value)}
            error={fieldProblems.startsOn?.(t)}
          />
          <TextField
            idPrefix={idPrefix}
            name="endsOn"
            label={t.admin.settings.endsOn}
            type="date"
            required
            min={draft.startsOn || undefined}
            value={draft.endsOn}
            onChange={(change) => edit('endsOn', change.target.value)}
            error={fieldProblems.endsOn?.(t)}
          />
        </div>
        <SelectField
          idPrefix={idPrefix}
          name="defaultLocale"
          label={t.admin.settings.defaultLocale}
          hint={t.admin.settings.defaultLocaleHint}
          options={localeOptions}
          value={draft.defaultLocale}
          onValueChange={(locale) => edit('defaultLocale', locale)}
          error={fieldProblems.defaultLocale?.(t)}
        />
        <SelectField
          idPrefix={idPrefix}
          name="mediaAccess"
          label={t.ondemand.settings.mediaAccess}
          hint={t.ondemand.settings.mediaAccessHint}
          options={[
            { value: 'registered' as const, label: t.ondemand.settings.registered },
            { value: 'public' as const, label: t.ondemand.settings.public },
          ]}
          value={draft.mediaAccess}
          onValueChange={(access) => edit('mediaAccess', access)}
          error={fieldProblems.mediaAccess?.(t)}
        />
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.admin.settings.submitting : t.admin.settings.submit}
        </button>
        {outcome ? (
          <p className={outcome === 'saved' ? 'notice notice-success' : 'notice notice-info'}>
            {outcome === 'saved' ? t.admin.settings.saved : t.admin.settings.unchanged}
          </p>
        ) : null}
      </form>
      <RetentionSetting slug={event.slug} />
    </>
  );
}
