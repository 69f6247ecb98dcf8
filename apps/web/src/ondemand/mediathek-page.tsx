import './ondemand.css';
import type { EventView, Mediathek, OnDemandSession } from '@plenum/contracts';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { useEventRoles } from '../auth/auth-context';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { eventDayKey, formatTimeRange } from '../format/dates';
import { formatDayHeading } from '../format/day-heading';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { NotFoundPage } from '../pages/not-found-page';
import { ImpressionsGallery } from './impressions-gallery';
import { ImpressionsManager } from './impressions-manager';
import { formatBytes } from './upload-limits';

/** "Filme, Folien und Impressionen" inside the event, for its members. */
export function MediathekPage() {
  const event = useEvent();
  const roles = useEventRoles(event.slug);
  const isOrganizer = roles.status === 'ready' && roles.roles.includes('organizer');
  return <MediathekContent event={event} isOrganizer={isOrganizer} />;
}

/** The same page without signing in, for events whose media are public. */
export function PublicMediathekPage() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const { resource, reload } = useResource<EventView>(`/api/events/${encodeURIComponent(slug)}`);
  if (resource.status === 'loading') return <Skeleton lines={6} />;
  if (resource.status === 'error') {
    if (resource.error.code === 'NOT_FOUND') {
      return <NotFoundPage title={t.event.notFoundTitle} text={t.event.notFoundText} />;
    }
    return (
      <ErrorNotice
        message={`${t.event.loadError} ${describeError(resource.error, t)}`}
        onRetry={reload}
      />
    );
  }
  return (
    <div className="container">
      <MediathekContent event={resource.data} isOrganizer={false} />
    </div>
  );
}

function matches(session: OnDemandSession, needle: string, locale: string): boolean {
  if (!needle) return true;
  return [session.title, session.stageName ?? '', ...session.speakers].some((text) =>
    text.toLocaleLowerCase(locale).includes(needle),
  );
}

function MediathekContent({ event, isOrganizer }: { event: EventView; isOrganizer: boolean }) {
  const { t, intlLocale } = useI18n();
  const title = t.ondemand.mediathek.title;
  useDocumentTitle(`${title} · ${event.title}`);
  const { resource, reload, replace } = useResource<Mediathek>(
    `/api/events/${encodeURIComponent(event.slug)}/mediathek`,
  );
  const [query, setQuery] = useState('');
  const searchId = useId();
  const sessionsHeadingId = useId();

  if (resource.status === 'loading') {
    return (
      <>
        <h1>{title}</h1>
        <Skeleton lines={8} />
      </>
    );
  }
  if (resource.status === 'error') {
    return (
      <>
        <h1>{title}</h1>
        <ErrorNotice
          message={`${t.ondemand.mediathek.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      </>
    );
  }
  const data = resource.data;
  const needle = query.trim().toLocaleLowerCase(intlLocale);
  const shown = data.sessions.filter((s) => matches(s, needle, intlLocale));
  // By day, then by stage, in programme order.
  const days = new Map<string, Map<string, OnDemandSession[]>>();
  for (const session of shown) {
    const day = eventDayKey(session.startsAt, data.timeZone);
    const stages = days.get(day) ?? new Map<string, OnDemandSession[]>();
    const stage = session.stageName ?? t.ondemand.mediathek.noStage;
    stages.set(stage, [...(stages.get(stage) ?? []), session]);
    days.set(day, stages);
  }

  return (
    <>
      <h1>{title}</h1>
      <p>{t.ondemand.mediathek.intro}</p>
      {data.mediaAccess === 'public' ? (
        <p className="muted">{t.ondemand.mediathek.publicNote}</p>
      ) : null}
      <section aria-labelledby={sessionsHeadingId}>
        <h2 id={sessionsHeadingId}>{t.ondemand.mediathek.sessionsHeading}</h2>
        {data.sessions.length === 0 ? (
          <EmptyState>
            <p>{t.ondemand.mediathek.empty}</p>
          </EmptyState>
        ) : (
          <>
            <div className="programme-filters" role="search">
              <div className="field field-compact">
                <label className="field-label" htmlFor={searchId}>
                  {t.ondemand.mediathek.searchLabel}
                </label>
                <input
                  id={searchId}
                  type="search"
                  className="field-input"
                  value={query}
                  placeholder={t.ondemand.mediathek.searchPlaceholder}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </div>
            </div>
            <p role="status" className={needle ? 'muted' : 'visually-hidden'}>
              {needle
                ? shown.length === 0
                  ? t.ondemand.mediathek.noMatches(query.trim())
                  : t.ondemand.mediathek.results(shown.length)
                : ''}
            </p>
            {[...days.entries()].map(([day, stages]) => (
              <section key={day} className="mediathek-day">
                <h3>{formatDayHeading(day, intlLocale)}</h3>
                {[...stages.entries()].map(([stage, sessions]) => (
                  <div key={stage}>
                    <h4 className="mediathek-stage">{stage}</h4>
                    <ul className="card-list">
                      {sessions.map((session) => (
                        <MediathekItem key={session.id} event={event} session={session} />
                      ))}
                    </ul>
                  </div>
                ))}
              </section>
            ))}
          </>
        )}
      </section>
      <ImpressionsGallery photos={data.impressions} />
      {isOrganizer ? (
        <ImpressionsManager
          slug={event.slug}
          photos={data.impressions}
          onChange={(impressions) => replace({ ...data, impressions })}
        />
      ) : null}
      <p>
        <Link to={eventPath(event.slug)}>{t.event.backToEvent}</Link>
      </p>
    </>
  );
}

function MediathekItem({ event, session }: { event: EventView; session: OnDemandSession }) {
  const { t, intlLocale } = useI18n();
  const sessionPath = `${eventPath(event.slug, 'programme')}/sessions/${session.id}`;
  return (
    <li className="card">
      <h5 className="card-title">
        <Link to={sessionPath} lang={event.defaultLocale}>
          {session.title}
        </Link>
      </h5>
      <p className="muted">
        <time dateTime={session.startsAt}>
          {formatTimeRange(session.startsAt, session.endsAt, event.timeZone, intlLocale)}
        </time>
        {session.speakers.length > 0 ? ` · ${session.speakers.join(', ')}` : null}
      </p>
      <div className="mediathek-item-media">
        {session.replay ? (
          <Link className="button button-primary" to={sessionPath}>
            {t.ondemand.mediathek.open}
            <span className="visually-hidden">: {session.title}</span>
          </Link>
        ) : null}
        {session.slides.map((slide) => (
          <a key={slide.id} className="button button-secondary" href={slide.downloadUrl} download>
            {t.ondemand.session.download(slide.title, formatBytes(slide.sizeBytes, intlLocale))}
          </a>
        ))}
      </div>
    </li>
  );
}
