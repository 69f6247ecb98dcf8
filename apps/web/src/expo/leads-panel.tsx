import type { LeadView } from '@plenum/contracts';
import { useState } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { downloadWithToken } from './download';

/** For the booth's staff: the contacts attendees chose to share, with notes and a rating. */
export function LeadsPanel({ slug, boothId }: { slug: string; boothId: string }) {
  const { t, intlLocale } = useI18n();
  const base = `/api/events/${encodeURIComponent(slug)}/booths/${boothId}`;
  const { resource, reload } = useResource<LeadView[]>(`${base}/leads`, { refreshMs: 30_000 });
  const [exportError, setExportError] = useState(false);

  return (
    <section aria-labelledby="leads-title" className="admin-section">
      <h2 id="leads-title">{t.expo.leads.title}</h2>
      {resource.status === 'loading' ? <Skeleton lines={3} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.expo.leads.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' && resource.data.length === 0 ? (
        <EmptyState>
          <p>{t.expo.leads.empty}</p>
        </EmptyState>
      ) : null}
      {resource.status === 'ready' && resource.data.length > 0 ? (
        <>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setExportError(false);
              downloadWithToken(`${base}/leads.csv`, 'leads.csv').catch(() => setExportError(true));
            }}
          >
            {t.expo.leads.export}
          </button>
          {exportError ? (
            <p className="field-error" role="alert">
              {t.expo.downloadFailed}
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t.expo.leads.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.expo.leads.consentedAt}</th>
                  <th scope="col">{t.expo.leads.name}</th>
                  <th scope="col">{t.expo.leads.email}</th>
                  <th scope="col">{t.expo.leads.organisation}</th>
                  <th scope="col">{t.expo.leads.message}</th>
                  <th scope="col">{t.expo.leads.note}</th>
                </tr>
              </thead>
              <tbody>
                {resource.data.map((lead) => (
                  <tr key={lead.id}>
                    <td>
                      {new Date(lead.consentedAt).toLocaleString(intlLocale, {
                        dateStyle: 'short',
                        timeStyle: 'short',
                      })}
                    </td>
                    <td>{lead.name ?? '–'}</td>
                    <td>{lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : '–'}</td>
                    <td>{lead.organisation ?? '–'}</td>
                    <td>{lead.message ?? '–'}</td>
                    <td>
                      <LeadNote base={base} lead={lead} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function LeadNote({ base, lead }: { base: string; lead: LeadView }) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [note, setNote] = useState(lead.note);
  const [rating, setRating] = useState(lead.rating === null ? '' : String(lead.rating));
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await api.patch(`${base}/leads/${lead.id}`, {
        note,
        rating: rating === '' ? null : Number(rating),
      });
      announce(t.expo.leads.saved);
    } catch {
      announce(t.expo.contact.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="form-row">
      <label className="visually-hidden" htmlFor={`note-${lead.id}`}>
        {t.expo.leads.note}
      </label>
      <textarea
        id={`note-${lead.id}`}
        className="field-textarea"
        rows={2}
        maxLength={5000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <label className="visually-hidden" htmlFor={`rating-${lead.id}`}>
        {t.expo.leads.rating}
      </label>
      <select
        id={`rating-${lead.id}`}
        className="field-select"
        value={rating}
        onChange={(e) => setRating(e.target.value)}
      >
        <option value="">{t.expo.leads.noRating}</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {'★'.repeat(n)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void save()}
      >
        {t.expo.leads.save}
      </button>
    </div>
  );
}
