import type { WorkshopRegistrants as Registrants } from '@plenum/contracts';
import { useState } from 'react';
import { useResource } from '../api/use-resource';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { downloadWithToken } from '../expo/download';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';

/** For hosts and organizers: who holds a seat, who waits in which place, who cancelled; as CSV. */
export function WorkshopRegistrants({ base, sessionId }: { base: string; sessionId: string }) {
  const { t, intlLocale } = useI18n();
  const { resource, reload } = useResource<Registrants>(`${base}/registrations`, {
    refreshMs: 30_000,
  });
  const [exportError, setExportError] = useState(false);
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(intlLocale, { dateStyle: 'short', timeStyle: 'short' }).format(
          new Date(iso),
        )
      : '';

  return (
    <section aria-labelledby="workshop-registrants-heading">
      <h2 id="workshop-registrants-heading">{t.workshops.registrants.title}</h2>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          setExportError(false);
          downloadWithToken(`${base}/registrations.csv`, `workshop-${sessionId}.csv`).catch(() =>
            setExportError(true),
          );
        }}
      >
        {t.workshops.registrants.export}
      </button>
      {exportError ? (
        <p className="field-error" role="alert">
          {t.workshops.registrants.exportFailed}
        </p>
      ) : null}
      {resource.status === 'loading' ? <Skeleton lines={4} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.workshops.registrants.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' && resource.data.registrants.length === 0 ? (
        <EmptyState>
          <p>{t.workshops.registrants.empty}</p>
        </EmptyState>
      ) : null}
      {resource.status === 'ready' && resource.data.registrants.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t.workshops.registrants.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.workshops.registrants.name}</th>
                <th scope="col">{t.workshops.registrants.email}</th>
                <th scope="col">{t.workshops.registrants.status}</th>
                <th scope="col">{t.workshops.registrants.since}</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.registrants.map((r) => (
                <tr key={r.userId}>
                  <td>{r.displayName}</td>
                  <td>{r.email}</td>
                  <td>
                    {r.status === 'confirmed'
                      ? t.workshops.registrants.confirmed
                      : r.status === 'waitlisted'
                        ? t.workshops.registrants.waitlisted(r.position ?? 0)
                        : t.workshops.registrants.cancelled}
                  </td>
                  <td>
                    {when(
                      r.status === 'cancelled'
                        ? r.cancelledAt
                        : r.status === 'confirmed'
                          ? r.confirmedAt
                          : r.registeredAt,
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
