import { sessionKinds } from '@plenum/contracts';
import type {
  Programme,
  SessionKind,
  SessionView,
  SessionWriteResult,
  SpeakerPart,
} from '@plenum/contracts';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { TextField } from '../components/form-parts';
import { useI18n } from '../i18n/i18n';

interface Draft {
  title: string;
  kind: SessionKind;
  startsAt: string;
  endsAt: string;
  stageId: string;
  trackId: string;
  abstract: string;
  speakers: Map<string, SpeakerPart>;
}

function draftOf(session: SessionView | undefined, firstDay: string): Draft {
  return {
    title: session?.title ?? '',
    kind: session?.kind ?? 'talk',
    startsAt: session?.local.startsAt ?? `${firstDay}T10:00`,
    endsAt: session?.local.endsAt ?? `${firstDay}T10:30`,
    stageId: session?.stageId ?? '',
    trackId: session?.trackId ?? '',
    abstract: session?.abstract ?? '',
    speakers: new Map(session?.speakers.map((s) => [s.id, s.part]) ?? []),
  };
}

/**
 * Create, edit, move and cancel sessions. Times are typed in the event's zone; the server
 * refuses a double-booked stage and warns about speakers booked twice.
 */
export function SessionEditor({
  programme,
  timeZone,
  onSaved,
}: {
  programme: Programme;
  timeZone: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [selected, setSelected] = useState('');
  const session = programme.sessions.find((s) => s.id === selected);
  const firstDay = programme.days[0] ?? new Date().toISOString().slice(0, 10);
  const [draft, setDraft] = useState<Draft>(() => draftOf(undefined, firstDay));
  const [error, setError] = useState<ApiError | null>(null);
  const [warnings, setWarnings] = useState<SessionWriteResult['warnings']>([]);
  const [busy, setBusy] = useState(false);
  const base = `/api/events/${encodeURIComponent(programme.slug)}`;

  // Only a new choice resets the form, not a refreshed programme (nor the save that selects
  // what it created: its warnings and the typed draft stay).
  const choose = (id: string) => {
    setSelected(id);
    const chosen = programme.sessions.find((s) => s.id === id);
    setDraft(draftOf(chosen, firstDay));
    setError(null);
    setWarnings([]);
  };

  const field = (path: string) => error?.fieldMessage(path);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: draft.title,
      kind: draft.kind,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      stageId: draft.stageId || null,
      trackId: draft.trackId || null,
      abstract: draft.abstract,
      speakers: [...draft.speakers].map(([speakerId, part]) => ({ speakerId, part })),
    };
    try {
      const result = session
        ? await api.patch<SessionWriteResult>(`${base}/sessions/${session.id}`, body)
        : await api.post<SessionWriteResult>(`${base}/sessions`, body);
      setWarnings(result.warnings);
      setSelected(result.session.id);
      announce(t.manage.saved);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const lifecycle = async (action: 'cancel' | 'reinstate') => {
    if (!session) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/sessions/${session.id}/${action}`);
      announce(action === 'cancel' ? t.manage.cancelled : t.manage.reinstated);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="manage-section" aria-labelledby="session-editor-title">
      <h2 id="session-editor-title">{t.manage.sessionsTitle}</h2>
      <div className="field">
        <label htmlFor="session-choice" className="field-label">
          {t.manage.chooseSession}
        </label>
        <select
          id="session-choice"
          className="field-input"
          value={selected}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t.manage.newSession}</option>
          {programme.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.local.startsAt.replace('T', ' ')} · {s.title}
              {s.state === 'cancelled' ? ` (${t.nowNext.cancelled})` : ''}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <div className="error-summary" role="alert">
          <p className="error-summary-title">{t.manage.failed}</p>
          <p>{error.message}</p>
        </div>
      ) : null}
      {warnings.length ? (
        <div className="notice notice-info" role="status">
          <p className="notice-title">{t.manage.warningsTitle}</p>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.speakerId}-${w.conflictingSession.id}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="session-title"
          label={t.manage.titleField}
          value={draft.title}
          error={field('title')}
          required
          onChange={(e) => set('title', e.target.value)}
        />
        <div className="field">
          <label htmlFor="field-session-kind" className="field-label">
            {t.manage.kindField}
          </label>
          <select
            id="field-session-kind"
            className="field-input"
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as SessionKind)}
          >
            {sessionKinds.map((k) => (
              <option key={k} value={k}>
                {t.sessionKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <TextField
            name="session-start"
            type="datetime-local"
            label={t.manage.startField}
            hint={t.manage.timeHint(timeZone)}
            value={draft.startsAt}
            error={field('startsAt')}
            onChange={(e) => set('startsAt', e.target.value)}
          />
          <TextField
            name="session-end"
            type="datetime-local"
            label={t.manage.endField}
            hint={t.manage.timeHint(timeZone)}
            value={draft.endsAt}
            error={field('endsAt')}
            onChange={(e) => set('endsAt', e.target.value)}
          />
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="field-session-stage" className="field-label">
              {t.manage.stageField}
            </label>
            <select
              id="field-session-stage"
              className="field-input"
              value={draft.stageId}
              aria-invalid={field('stageId') ? true : undefined}
              onChange={(e) => set('stageId', e.target.value)}
            >
              <option value="">{t.manage.none}</option>
              {programme.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-session-track" className="field-label">
              {t.manage.trackField}
            </label>
            <select
              id="field-session-track"
              className="field-input"
              value={draft.trackId}
              onChange={(e) => set('trackId', e.target.value)}
            >
              <option value="">{t.manage.none}</option>
              {programme.tracks.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="field-session-abstract" className="field-label">
            {t.manage.abstractField}
          </label>
          <textarea
            id="field-session-abstract"
            className="field-input"
            rows={4}
            value={draft.abstract}
            onChange={(e) => set('abstract', e.target.value)}
          />
        </div>
        <fieldset className="speaker-picker">
          <legend className="field-label">{t.manage.speakersField}</legend>
          {programme.speakers.map((s) => (
            <div key={s.id} className="speaker-pick">
              <input
                id={`pick-${s.id}`}
                type="checkbox"
                checked={draft.speakers.has(s.id)}
                onChange={(e) => {
                  const next = new Map(draft.speakers);
                  if (e.target.checked) next.set(s.id, 'speaker');
                  else next.delete(s.id);
                  set('speakers', next);
                }}
              />
              <label htmlFor={`pick-${s.id}`}>{s.name}</label>
              {draft.speakers.has(s.id) ? (
                <select
                  aria-label={`${t.programme.speakers}: ${s.name}`}
                  value={draft.speakers.get(s.id)}
                  onChange={(e) => {
                    const next = new Map(draft.speakers);
                    next.set(s.id, e.target.value as SpeakerPart);
                    set('speakers', next);
                  }}
                >
                  {(['speaker', 'moderator', 'host'] as const).map((part) => (
                    <option key={part} value={part}>
                      {t.speakerParts[part]}
                    </option>
                  ))}
                </select>
              ) : null}
            </div>
          ))}
        </fieldset>
        <p className="session-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t.manage.saving : t.manage.save}
          </button>
          {session && session.state === 'scheduled' ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void lifecycle('cancel')}
            >
              {t.manage.cancelSession}
            </button>
          ) : null}
          {session && session.state === 'cancelled' ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void lifecycle('reinstate')}
            >
              {t.manage.reinstateSession}
            </button>
          ) : null}
        </p>
      </form>
    </section>
  );
}
