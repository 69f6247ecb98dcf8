import type { PrivacySettingsView } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/form-parts';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';

function RetentionForm(props: {
  path: string;
  settings: PrivacySettingsView;
  onSaved: (settings: PrivacySettingsView) => void;
}) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const { settings } = props;
  const [days, setDays] = useState(
    settings.attendanceRetentionDays === null ? '' : String(settings.attendanceRetentionDays),
  );
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    setOutcome(null);
    const trimmed = days.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 3650)) {
      setError(t.privacy.retentionInvalid);
      return;
    }
    setError(null);
    setPending(true);
    try {
      props.onSaved(
        await api.put<PrivacySettingsView>(props.path, { attendanceRetentionDays: value }),
      );
      setOutcome('saved');
      announce(t.privacy.retentionSaved);
    } catch {
      setOutcome('failed');
    } finally {
      setPending(false);
    }
  };

  const format = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  return (
    <form className="form admin-form" noValidate onSubmit={(e) => void submit(e)}>
      <TextField
        idPrefix="retention"
        name="attendanceRetentionDays"
        label={t.privacy.retentionLabel}
        hint={t.privacy.retentionHint}
        type="number"
        inputMode="numeric"
        min={0}
        max={3650}
        step={1}
        value={days}
        onChange={(change) => {
          setDays(change.target.value);
          setOutcome(null);
        }}
        error={error ?? undefined}
      />
      {settings.attendanceAnonymisedAt ? (
        <p>{t.privacy.retentionDone(format(settings.attendanceAnonymisedAt))}</p>
      ) : settings.anonymiseAfter ? (
        <p>{t.privacy.retentionAfter(format(settings.anonymiseAfter))}</p>
      ) : null}
      <button type="submit" className="button button-secondary" disabled={pending}>
        {t.privacy.retentionSave}
      </button>
      {outcome === 'saved' ? (
        <p className="notice notice-success">{t.privacy.retentionSaved}</p>
      ) : null}
      {outcome === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {t.privacy.retentionSaveError}
        </p>
      ) : null}
    </form>
  );
}

/** The event's retention period for attendance records, part of the event settings. */
export function RetentionSetting({ slug }: { slug: string }) {
  const { t } = useI18n();
  const path = `/api/events/${encodeURIComponent(slug)}/privacy`;
  const { resource, reload, replace } = useResource<PrivacySettingsView>(path);
  return (
    <section className="retention-setting" aria-labelledby="retention-title">
      <h3 id="retention-title">{t.privacy.retentionTitle}</h3>
      {resource.status === 'loading' ? <Skeleton lines={2} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.privacy.retentionLoadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <RetentionForm path={path} settings={resource.data} onSaved={replace} />
      ) : null}
    </section>
  );
}
