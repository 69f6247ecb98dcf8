import type { EventReport, ReportTable } from '@plenum/contracts';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { useEventRoles } from '../auth/auth-context';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { downloadWithToken } from '../expo/download';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { BarChart } from './bar-chart';

function CsvButton({ slug, table, label }: { slug: string; table: ReportTable; label: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    setFailed(false);
    try {
      await downloadWithToken(
        `/api/events/${encodeURIComponent(slug)}/reports/${table}.csv`,
        `report-${slug}-${table}.csv`,
      );
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void download()}
        disabled={pending}
      >
        {t.reports.downloadCsv(label)}
      </button>
      {failed ? (
        <p className="notice notice-error" role="alert">
          {t.reports.downloadFailed}
        </p>
      ) : null}
    </>
  );
}

function ReportSection(props: {
  id: string;
  title: string;
  slug: string;
  table: ReportTable;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="admin-section report-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.count === 0 ? (
        <EmptyState>
          <p>{props.empty}</p>
        </EmptyState>
      ) : (
        <>
          <CsvButton slug={props.slug} table={props.table} label={props.title} />
          {props.children}
        </>
      )}
    </section>
  );
}

function Report({ slug, report }: { slug: string; report: EventReport }) {
  const { t, intlLocale } = useI18n();
  const number = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent' });
  const dateTime = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const r = t.reports;
  return (
    <>
      {report.attendanceAnonymisedAt ? (
        <p className="notice notice-info">
          {r.anonymisedNote(dateTime.format(new Date(report.attendanceAnonymisedAt)))}
        </p>
      ) : null}
      <ReportSection
        id="report-sessions"
        title={r.sessions.title}
        slug={slug}
        table="sessions"
        empty={r.sessions.empty}
        count={report.sessions.length}
      >
        <BarChart
          label={r.chartLabel(r.sessions.chartWhat, report.sessions.length)}
          bars={report.sessions.map((s) => ({
            key: s.sessionId,
            label: s.title,
            value: s.uniqueViewers,
          }))}
        />
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{r.sessions.title}</caption>
            <thead>
              <tr>
                <th scope="col">{r.sessions.session}</th>
                <th scope="col">{r.sessions.uniqueViewers}</th>
                <th scope="col">{r.sessions.peak}</th>
                <th scope="col">{r.sessions.minutes}</th>
                <th scope="col">{r.sessions.questions}</th>
                <th scope="col">{r.sessions.polls}</th>
                <th scope="col">{r.sessions.pollParticipants}</th>
              </tr>
            </thead>
            <tbody>
              {report.sessions.map((s) => (
                <tr key={s.sessionId}>
                  <th scope="row">
                    {s.title}
                    <br />
                    <small>{dateTime.format(new Date(s.startsAt))}</small>
                  </th>
                  <td>{s.uniqueViewers}</td>
                  <td>{s.peakConcurrentViewers}</td>
                  <td>{number.format(s.minutesWatched)}</td>
                  <td>{`${s.questionsAsked} / ${s.questionsAnswered}`}</td>
                  <td>{s.polls}</td>
                  <td>{s.pollParticipants}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ReportSection>
      <ReportSection
        id="report-booths"
        title={r.booths.title}
        slug={slug}
        table="booths"
        empty={r.booths.empty}
        count={report.booths.length}
      >
        <BarChart
          label={r.chartLabel(r.booths.chartWhat, report.booths.length)}
          bars={report.booths.map((b) => ({
            key: b.boothId,
            label: b.organisation,
            value: b.visits,
          }))}
        />
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{r.booths.title}</caption>
            <thead>
              <tr>
                <th scope="col">{r.booths.booth}</th>
                <th scope="col">{r.booths.visits}</th>
                <th scope="col">{r.booths.uniqueVisitors}</th>
                <th scope="col">{r.booths.minutes}</th>
                <th scope="col">{r.booths.conversations}</th>
                <th scope="col">{r.booths.leads}</th>
              </tr>
            </thead>
            <tbody>
              {report.booths.map((b) => (
                <tr key={b.boothId}>
                  <th scope="row">{b.organisation}</th>
                  <td>{b.visits}</td>
                  <td>{b.uniqueVisitors}</td>
                  <td>{number.format(b.minutesSpent)}</td>
                  <td>{b.conversations}</td>
                  <td>{b.leads}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ReportSection>
      <ReportSection
        id="report-workshops"
        title={r.workshops.title}
        slug={slug}
        table="workshops"
        empty={r.workshops.empty}
        count={report.workshops.length}
      >
        <BarChart
          label={r.chartLabel(r.workshops.chartWhat, report.workshops.length)}
          bars={report.workshops.map((w) => ({
            key: w.sessionId,
            label: w.title,
            value: Math.round((w.fillRate ?? 0) * 100),
          }))}
        />
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{r.workshops.title}</caption>
            <thead>
              <tr>
                <th scope="col">{r.workshops.workshop}</th>
                <th scope="col">{r.workshops.seats}</th>
                <th scope="col">{r.workshops.confirmed}</th>
                <th scope="col">{r.workshops.waitlisted}</th>
                <th scope="col">{r.workshops.fillRate}</th>
                <th scope="col">{r.workshops.noShows}</th>
              </tr>
            </thead>
            <tbody>
              {report.workshops.map((w) => (
                <tr key={w.sessionId}>
                  <th scope="row">{w.title}</th>
                  <td>{w.capacity ?? r.workshops.unlimited}</td>
                  <td>{w.confirmed}</td>
                  <td>{w.waitlisted}</td>
                  <td>{w.fillRate === null ? r.workshops.notYet : percent.format(w.fillRate)}</td>
                  <td>{w.noShows ?? r.workshops.notYet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ReportSection>
    </>
  );
}

function LoadedReport({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { resource, reload } = useResource<EventReport>(
    `/api/events/${encodeURIComponent(slug)}/reports`,
  );
  if (resource.status === 'loading') return <Skeleton lines={8} />;
  if (resource.status === 'error') {
    return (
      <ErrorNotice
        message={`${t.reports.loadError} ${describeError(resource.error, t)}`}
        onRetry={reload}
      />
    );
  }
  return <Report slug={slug} report={resource.data} />;
}

/** The organizers' report: figures, small charts and CSV downloads. */
export function ReportsPage() {
  const { t } = useI18n();
  const event = useEvent();
  const roles = useEventRoles(event.slug);
  useDocumentTitle(`${t.reports.title} · ${event.title}`);
  const isOrganizer = roles.status === 'ready' && roles.roles.includes('organizer');
  return (
    <>
      <h1>{t.reports.title}</h1>
      {roles.status === 'loading' ? <Skeleton lines={6} /> : null}
      {roles.status === 'error' ? (
        <ErrorNotice
          message={`${t.admin.rolesLoadError} ${describeError(roles.error, t)}`}
          onRetry={roles.retry}
        />
      ) : null}
      {roles.status === 'ready' && !isOrganizer ? (
        <>
          <p className="lead">{t.reports.noAccess}</p>
          <p>
            <Link to={eventPath(event.slug)}>{t.event.backToEvent}</Link>
          </p>
        </>
      ) : null}
      {isOrganizer ? (
        <>
          <p className="lead">{t.reports.intro}</p>
          <LoadedReport slug={event.slug} />
        </>
      ) : null}
    </>
  );
}
