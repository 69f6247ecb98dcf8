import type { BoothStatsView } from '@plenum/contracts';
import { useEffect } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';

/** Counts a view of the booth page and reports back while it stays open (time spent). */
export function useBoothVisit(slug: string, boothId: string | undefined): void {
  useEffect(() => {
    if (!boothId) return;
    const base = `/api/events/${encodeURIComponent(slug)}/booths/${boothId}/visits`;
    let visitId: string | null = null;
    let stopped = false;
    api
      .post<{ id: string | null }>(base)
      .then((visit) => {
        if (!stopped) visitId = visit.id;
      })
      .catch(() => undefined);
    const timer = window.setInterval(() => {
      // Visits are a statistic: a lost report only shortens the measured time.
      if (visitId) api.post(`${base}/${visitId}/heartbeat`).catch(() => undefined);
    }, 30_000);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [slug, boothId]);
}

/** Views per hour as bars; plain SVG with classes, no inline styles (strict CSP). */
export function HourlyChart({ hourly }: { hourly: BoothStatsView['hourly'] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...hourly.map((h) => h.views));
  const total = hourly.reduce((sum, h) => sum + h.views, 0);
  const barWidth = 10;
  const height = 60;
  return (
    <svg
      className="stats-chart"
      viewBox={`0 0 ${hourly.length * barWidth} ${height}`}
      role="img"
      aria-label={t.expo.stats.chartLabel(total)}
    >
      {hourly.map((h, i) => {
        const barHeight = Math.round((h.views / max) * (height - 2));
        return (
          <rect
            key={h.hour}
            className="stats-bar"
            x={i * barWidth + 1}
            y={height - barHeight}
            width={barWidth - 2}
            height={barHeight}
          >
            <title>{`${new Date(h.hour).getHours()}:00 – ${h.views}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function Figures({ stats }: { stats: BoothStatsView }) {
  const { t } = useI18n();
  return (
    <dl className="stats-figures">
      <dt>{t.expo.stats.views}</dt>
      <dd>{stats.views}</dd>
      <dt>{t.expo.stats.uniqueVisitors}</dt>
      <dd>{stats.uniqueVisitors}</dd>
      <dt>{t.expo.stats.timeSpent}</dt>
      <dd>{t.expo.stats.minutes(Math.round(stats.secondsSpent / 60))}</dd>
      <dt>{t.expo.stats.chatMessages}</dt>
      <dd>{stats.chatMessages}</dd>
      <dt>{t.expo.stats.conversations}</dt>
      <dd>{stats.conversations}</dd>
    </dl>
  );
}

/** The booth's own dashboard, for its staff. */
export function BoothStatsPanel({ slug, boothId }: { slug: string; boothId: string }) {
  const { t } = useI18n();
  const { resource, reload } = useResource<BoothStatsView>(
    `/api/events/${encodeURIComponent(slug)}/booths/${boothId}/stats`,
    { refreshMs: 60_000 },
  );
  return (
    <section aria-labelledby="booth-stats-title" className="admin-section">
      <h2 id="booth-stats-title">{t.expo.stats.title}</h2>
      {resource.status === 'loading' ? <Skeleton lines={3} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.expo.stats.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <>
          <Figures stats={resource.data} />
          <HourlyChart hourly={resource.data.hourly} />
        </>
      ) : null}
    </section>
  );
}

/** Every booth's figures side by side, for organizers. */
export function ExpoStatsOverview({ slug }: { slug: string }) {
  const { t } = useI18n();
  const { resource, reload } = useResource<BoothStatsView[]>(
    `/api/events/${encodeURIComponent(slug)}/expo/stats`,
    { refreshMs: 60_000 },
  );
  return (
    <section aria-labelledby="expo-stats-title" className="admin-section">
      <h2 id="expo-stats-title">{t.expo.stats.overviewTitle}</h2>
      {resource.status === 'loading' ? <Skeleton lines={4} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.expo.stats.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t.expo.stats.overviewTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.expo.stats.booth}</th>
                <th scope="col">{t.expo.stats.views}</th>
                <th scope="col">{t.expo.stats.uniqueVisitors}</th>
                <th scope="col">{t.expo.stats.timeSpent}</th>
                <th scope="col">{t.expo.stats.chatMessages}</th>
                <th scope="col">{t.expo.stats.conversations}</th>
                <th scope="col">24 h</th>
              </tr>
            </thead>
            <tbody>
              {resource.data.map((s) => (
                <tr key={s.boothId}>
                  <th scope="row">{s.organisation}</th>
                  <td>{s.views}</td>
                  <td>{s.uniqueVisitors}</td>
                  <td>{t.expo.stats.minutes(Math.round(s.secondsSpent / 60))}</td>
                  <td>{s.chatMessages}</td>
                  <td>{s.conversations}</td>
                  <td>
                    <HourlyChart hourly={s.hourly} />
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
