import './ondemand.css';
import type { RecordingControl as Control } from '@plenum/contracts';
import { useState } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { formatTimeRange } from '../format/dates';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';

/** The moderator's "Aufzeichnung starten/stoppen", with what the egress is doing now. */
export function RecordingControl({
  slug,
  sessionId,
  timeZone,
}: {
  slug: string;
  sessionId: string;
  timeZone: string;
}) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const base = `/api/events/${encodeURIComponent(slug)}/sessions/${sessionId}/recordings`;
  // Webhooks move the state on (recording, processing, ready); a light poll shows it.
  const { resource, reload, replace } = useResource<Control>(base, { refreshMs: 5_000 });
  const [busy, setBusy] = useState(false);

  if (resource.status === 'loading') return <Skeleton lines={1} />;
  if (resource.status === 'error') {
    if (resource.error.status === 403) return null;
    return (
      <ErrorNotice
        message={`${t.ondemand.recordings.loadError} ${describeError(resource.error, t)}`}
        onRetry={reload}
      />
    );
  }
  const control = resource.data;
  const current = control.current;
  const latest = control.recordings[0];
  const act = async (action: 'start' | 'stop') => {
    setBusy(true);
    try {
      replace(await api.post<Control>(`${base}/${action}`));
      announce(action === 'start' ? t.ondemand.recordings.started : t.ondemand.recordings.stopped);
    } catch {
      announce(t.ondemand.recordings.failed);
      reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="recording-control" aria-label={t.ondemand.recordings.heading}>
      <h2>{t.ondemand.recordings.heading}</h2>
      {!control.available ? (
        <p className="muted">{t.ondemand.recordings.notAvailable}</p>
      ) : (
        <div className="recording-state">
          <p role="status" aria-live="polite">
            {current ? (
              <span className="tag tag-live">{t.ondemand.recordings.state[current.state]}</span>
            ) : latest ? (
              <span className="tag">{t.ondemand.recordings.state[latest.state]}</span>
            ) : (
              <span className="muted">{t.ondemand.recordings.none}</span>
            )}
            {current?.startedAt ? (
              <>
                {' '}
                <time dateTime={current.startedAt}>
                  {formatTimeRange(current.startedAt, current.startedAt, timeZone, intlLocale)}
                </time>
                {current.startedBy ? ` ${t.ondemand.recordings.by(current.startedBy)}` : null}
              </>
            ) : null}
          </p>
          {current ? (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void act('stop')}
            >
              {t.ondemand.recordings.stop}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void act('start')}
            >
              {t.ondemand.recordings.start}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
