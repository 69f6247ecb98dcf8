import type { NotificationChannel, ReminderPreferencesView } from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../api/client';
import { asApiError, useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';

/** One person's reminder choices for this event: on or off, channels, times, keynotes. */
export function ReminderPreferencesPage() {
  const t = useT();
  const event = useEvent();
  useDocumentTitle(`${t.reminders.preferencesTitle} · ${event.title}`);
  const path = `/api/events/${encodeURIComponent(event.slug)}/reminders/preferences`;
  const { resource, reload, replace } = useResource<ReminderPreferencesView>(path);

  return (
    <>
      <h1>{t.reminders.preferencesTitle}</h1>
      <p className="lead">{t.reminders.preferencesIntro}</p>
      {resource.status === 'loading' ? <Skeleton lines={5} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.reminders.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <PreferencesForm path={path} initial={resource.data} onSaved={replace} />
      ) : null}
    </>
  );
}

function PreferencesForm({
  path,
  initial,
  onSaved,
}: {
  path: string;
  initial: ReminderPreferencesView;
  onSaved: (next: ReminderPreferencesView) => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [channels, setChannels] = useState<NotificationChannel[]>(initial.channels);
  const [offsets, setOffsets] = useState<number[]>(
    initial.offsetsMinutes ?? initial.eventOffsetsMinutes,
  );
  const [allKeynotes, setAllKeynotes] = useState(initial.allKeynotes);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = <V,>(list: V[], value: V, on: boolean): V[] =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const sameAsEvent =
      offsets.length === initial.eventOffsetsMinutes.length &&
      initial.eventOffsetsMinutes.every((o) => offsets.includes(o));
    api
      .put<ReminderPreferencesView>(path, {
        enabled,
        channels,
        offsetsMinutes: sameAsEvent ? null : offsets,
        allKeynotes,
      })
      .then(
        (saved) => {
          onSaved(saved);
          announce(t.reminders.saved);
        },
        (err: unknown) =>
          setProblem(`${t.reminders.saveError} ${describeError(asApiError(err), t)}`),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {problem ? <p role="alert">{problem}</p> : null}
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{' '}
        {t.reminders.enabled}
      </label>
      <fieldset disabled={!enabled}>
        <legend>{t.reminders.channelsLegend}</legend>
        {(
          [
            ['in-app', t.reminders.channelInApp],
            ['email', t.reminders.channelEmail],
          ] as const
        ).map(([channel, label]) => (
          <label key={channel} className="checkbox">
            <input
              type="checkbox"
              checked={channels.includes(channel)}
              onChange={(e) => setChannels(toggle(channels, channel, e.target.checked))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>{t.reminders.offsetsLegend}</legend>
        {initial.eventOffsetsMinutes.map((offset) => (
          <label key={offset} className="checkbox">
            <input
              type="checkbox"
              checked={offsets.includes(offset)}
              onChange={(e) => setOffsets(toggle(offsets, offset, e.target.checked))}
            />{' '}
            {t.reminders.offsetLabel(t.reminders.minutes(offset))}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={allKeynotes}
          disabled={!enabled}
          onChange={(e) => setAllKeynotes(e.target.checked)}
        />{' '}
        {t.reminders.allKeynotes}
      </label>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t.reminders.save}
      </button>
    </form>
  );
}
