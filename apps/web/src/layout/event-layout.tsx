import type { EventView } from '@plenum/contracts';
import { createContext, useContext } from 'react';
import { NavLink, Outlet, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { MainContent } from '../components/main-content';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import type { Messages } from '../i18n/de';
import { NotFoundPage } from '../pages/not-found-page';

export type EventArea = 'stages' | 'programme' | 'agenda' | 'expo' | 'workshops';
export const eventAreas: readonly EventArea[] = [
  'stages',
  'programme',
  'agenda',
  'expo',
  'workshops',
];

const EventContext = createContext<EventView | null>(null);

export function useEvent(): EventView {
  const event = useContext(EventContext);
  if (!event) {
    throw new Error('useEvent must be used inside an event route');
  }
  return event;
}

export function eventPath(slug: string, area?: EventArea): string {
  const base = `/e/${encodeURIComponent(slug)}`;
  return area ? `${base}/${area}` : base;
}

function EventNav({ event, t }: { event: EventView; t: Messages }) {
  const className = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'event-nav-link event-nav-link-active' : 'event-nav-link';
  return (
    <nav className="event-nav" aria-label={t.event.areasNav}>
      <div className="container">
        <p className="event-nav-title" lang={event.defaultLocale}>
          {event.title}
        </p>
        {/* NavLink sets aria-current="page" on the link of the page being shown. */}
        <ul className="event-nav-list">
          <li>
            <NavLink to={eventPath(event.slug)} end className={className}>
              {t.nav.home}
            </NavLink>
          </li>
          {eventAreas.map((area) => (
            <li key={area}>
              <NavLink to={eventPath(event.slug, area)} className={className}>
                {t.nav[area]}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

export function EventLayout() {
  const t = useT();
  const { slug = '' } = useParams();
  const { resource, reload } = useResource<EventView>(`/api/events/${encodeURIComponent(slug)}`);

  if (resource.status === 'error' && resource.error.code === 'NOT_FOUND') {
    return <NotFoundPage title={t.event.notFoundTitle} text={t.event.notFoundText} />;
  }
  if (resource.status !== 'ready') {
    return (
      <MainContent busy={resource.status === 'loading'}>
        {resource.status === 'loading' ? (
          <Skeleton lines={4} />
        ) : (
          <ErrorNotice
            message={`${t.event.loadError} ${describeError(resource.error, t)}`}
            onRetry={reload}
          />
        )}
      </MainContent>
    );
  }

  return (
    <EventContext.Provider value={resource.data}>
      <EventNav event={resource.data} t={t} />
      <MainContent>
        <Outlet />
      </MainContent>
    </EventContext.Provider>
  );
}
