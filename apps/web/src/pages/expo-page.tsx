import type { BoothSummaryView } from '@plenum/contracts';
import { useId, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { useEventRoles } from '../auth/auth-context';
import { BoothCreateForm } from '../expo/booth-create-form';
import { ExpoStatsOverview } from '../expo/booth-stats';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';

/** The expo hall: every booth as a card, bigger for bigger tiers, with search and topics. */
export function ExpoPage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  useDocumentTitle(`${t.expo.title} · ${event.title}`);
  // Refreshed each minute so "open" follows the opening hours without a reload.
  const { resource, reload } = useResource<BoothSummaryView[]>(
    `/api/events/${encodeURIComponent(event.slug)}/booths`,
    { refreshMs: 60_000 },
  );
  const roles = useEventRoles(event.slug);
  const isOrganizer = roles.status === 'ready' && roles.roles.includes('organizer');
  // A booth just deleted on its own page: said here, where the organizer lands.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState('');
  const searchId = useId();
  const topicId = useId();
  const booths = resource.status === 'ready' ? resource.data : [];
  const topics = [...new Set(booths.flatMap((b) => b.topics))].sort((a, b) =>
    a.localeCompare(b, intlLocale),
  );
  const needle = query.trim().toLocaleLowerCase(intlLocale);
  const shown = booths.filter(
    (b) =>
      (!topic || b.topics.includes(topic)) &&
      (!needle ||
        [b.organisation, b.tagline, ...b.topics].some((s) =>
          s.toLocaleLowerCase(intlLocale).includes(needle),
        )),
  );

  return (
    <>
      <h1>{t.expo.title}</h1>
      {notice ? (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      ) : null}
      {resource.status === 'loading' ? <Skeleton lines={6} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.expo.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <>
          <div className="programme-filters">
            <div className="field field-compact">
              <label className="field-label" htmlFor={searchId}>
                {t.expo.searchLabel}
              </label>
              <input
                id={searchId}
                type="search"
                className="field-input"
                value={query}
                placeholder={t.expo.searchPlaceholder}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
            <div className="field field-compact">
              <label className="field-label" htmlFor={topicId}>
                {t.expo.topicLabel}
              </label>
              <select
                id={topicId}
                className="field-select"
                value={topic}
                onChange={(e) => setTopic(e.target.value)}
              >
                <option value="">{t.expo.allTopics}</option>
                {topics.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {shown.length === 0 ? (
            <EmptyState>
              <p>{t.expo.empty}</p>
            </EmptyState>
          ) : (
            <ul className="booth-grid">
              {shown.map((booth) => (
                <li key={booth.id} className={`card booth-card booth-card-${booth.tier}`}>
                  {booth.logoUrl ? (
                    <img className="booth-logo" src={booth.logoUrl} alt="" loading="lazy" />
                  ) : null}
                  <h2 className="card-title">
                    <Link to={`${eventPath(event.slug, 'expo')}/${encodeURIComponent(booth.slug)}`}>
                      {booth.organisation}
                    </Link>
                  </h2>
                  <p>{booth.tagline}</p>
                  <p className="session-meta">
                    <span className="visually-hidden">{t.expo.tiers[booth.tier]}</span>
                    <span className={booth.openNow ? 'tag tag-live' : 'tag'}>
                      {booth.openNow ? t.expo.open : t.expo.closed}
                    </span>
                    <span className={booth.staffOnline > 0 ? 'tag tag-agenda' : 'tag'}>
                      {booth.staffOnline > 0
                        ? t.expo.staffOnline(booth.staffOnline)
                        : t.expo.noStaffOnline}
                    </span>
                    {booth.topics.map((name) => (
                      <span key={name} className="tag tag-track">
                        {name}
                      </span>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {isOrganizer ? <BoothCreateForm /> : null}
      {isOrganizer ? <ExpoStatsOverview slug={event.slug} /> : null}
    </>
  );
}
