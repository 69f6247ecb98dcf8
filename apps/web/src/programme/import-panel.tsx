import type { ScheduleImportReport } from '@plenum/contracts';
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { ApiError, api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { useI18n } from '../i18n/i18n';

const PREVIEW_ROWS = 50;

/** Upload a pretalx/frab schedule, see what would change (a dry run), then apply it. */
export function ImportPanel({ slug, onImported }: { slug: string; onImported: () => void }) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const [text, setText] = useState<string | null>(null);
  const [report, setReport] = useState<ScheduleImportReport | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `/api/events/${encodeURIComponent(slug)}/schedule/import`;

  const run = async (body: string, dryRun: boolean) => {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await api.postJsonText<ScheduleImportReport>(
        dryRun ? `${path}?dryRun=true` : path,
        body,
      );
      setReport(result);
      if (!dryRun) {
        announce(t.manage.importDone);
        onImported();
      }
    } catch (error) {
      setReport(null);
      setRefusal(
        error instanceof ApiError ? error : new ApiError(0, 'NETWORK_FAILED', String(error)),
      );
    } finally {
      setBusy(false);
    }
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setReport(null);
    setRefusal(null);
    if (!file) return;
    const content = await file.text();
    setText(content);
    await run(content, true);
  };

  const time = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'short', timeStyle: 'short' });

  return (
    <section className="manage-section" aria-labelledby="import-title">
      <h2 id="import-title">{t.manage.importTitle}</h2>
      <p>{t.manage.importIntro}</p>
      <div className="field">
        <label htmlFor="schedule-file" className="field-label">
          {t.manage.importFile}
        </label>
        <input
          id="schedule-file"
          type="file"
          accept=".json,application/json"
          className="field-input"
          onChange={(e) => void choose(e)}
        />
      </div>
      {refusal ? (
        <div className="error-summary" role="alert">
          <p className="error-summary-title">{t.manage.importRefused}</p>
          <p>{refusal.message}</p>
          {refusal.fields.length ? (
            <ul>
              {refusal.fields.map((f) => (
                <li key={f.path}>
                  <code>{f.path}</code>: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {report ? (
        <div className="import-report" aria-live="polite">
          <h3>{report.dryRun ? t.manage.importPreview : t.manage.importDone}</h3>
          <p>
            <strong>{report.conference.title}</strong>{' '}
            {t.manage.importSummary(report.created, report.updated, report.unchanged)}
          </p>
          {report.stagesCreated.length ? (
            <p>
              {t.manage.importNewStages} {report.stagesCreated.join(', ')}
            </p>
          ) : null}
          {report.tracksCreated.length ? (
            <p>
              {t.manage.importNewTracks} {report.tracksCreated.join(', ')}
            </p>
          ) : null}
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">{t.manage.titleField}</th>
                <th scope="col">{t.manage.startField}</th>
                <th scope="col">{t.manage.importPreview}</th>
              </tr>
            </thead>
            <tbody>
              {report.sessions.slice(0, PREVIEW_ROWS).map((s) => (
                <tr key={s.guid}>
                  <td>{s.title}</td>
                  <td>{time.format(new Date(s.startsAt))}</td>
                  <td>
                    {t.manage.importActions[s.action]}
                    {s.changes.length ? ` (${s.changes.join(', ')})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.sessions.length > PREVIEW_ROWS ? (
            <p className="muted">{t.manage.importMore(report.sessions.length - PREVIEW_ROWS)}</p>
          ) : null}
          {report.warnings.length ? (
            <details>
              <summary>
                {t.manage.importWarnings} ({report.warnings.length})
              </summary>
              <ul>
                {report.warnings.map((w, i) => (
                  <li key={i}>
                    <code>{w.path}</code>: {w.message}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {report.dryRun && text ? (
            <p>
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void run(text, false)}
              >
                {t.manage.importApply}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
