import type { EventView } from '@plenum/contracts';
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { NavLink, Outlet, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { useEventRoles } from '../auth/auth-context';
import { MainContent } from '../components/main-content';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import type { Messages } from '../i18n/de';
import { NotFoundPage } from '../pages/not-found-page';
import { NotificationBell } from '../reminders/notification-bell';

export type EventArea = 'stages' | 'programme' | 'agenda' | 'expo' | 'workshops' | 'mediathek';
export const eventAreas: readonly EventArea[] = [
  'stages',
  'programme',
  'agenda',
  'expo',
  'workshops',
  'mediathek',
];
/** The organizers' page sits beside the areas; only organizers see it in the navigation. */
export const adminArea = 'admin';

interface EventContextValue {
  event: EventView;
  /** Shows an event the server returned after a change, everywhere the event appears. */
  replaceEvent: (event: EventView) => void;
}

const EventContext = createContext<EventContextValue | null>(null);

function useEventContext(): EventContextValue {
  const value = useContext(EventContext);
  if (!value) {
    throw new Error('useEvent must be used inside an event route');
  }
  return value;
}

export function useEvent(): EventView {
  return useEventContext().event;
}

export function useReplaceEvent(): (event: EventView) => void {
  return useEventContext().replaceEvent;
}

/** An event outside its own routes (the new-event wizard's logo step), for the forms that edit it. */
export function EventScope({
  event,
  replaceEvent,
  children,
}: EventContextValue & { children: ReactNode }) {
  const value = useMemo(() => ({ event, replaceEvent }), [event, replaceEvent]);
  return <EventContext.Provider value={value}>{children}</EventContext.Provider>;
}

export function eventPath(slug: string, area?: EventArea | typeof adminArea): string {
  const base = `/e/${encodeURIComponent(slug)}`;
  return area ? `${base}/${area}` : base;
}

function EventNav({ event, t }: { event: EventView; t: Messages }) {
  const roles = useEventRoles(event.slug);
  const isOrganizer = roles.status === 'ready' && roles.roles.includes('organizer');
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
          {isOrganizer ? (
            <li>
              <NavLink to={eventPath(event.slug, adminArea)} className={className}>
                {t.nav.admin}
              </NavLink>
            </li>
          ) : null}
        </ul>
        <NotificationBell eventId={event.id} slug={event.slug} />
      </div>
    </nav>
  );
}

export function EventLayout() {
  const t = useT();
  const { slug = '' } = useParams();
  const { resource, reload, replace } = useResource<EventView>(
    `/api/events/${encodeURIComponent(slug)}`,
  );
  const event = resource.status === 'ready' ? resource.data : null;
  const context = useMemo(
    () => (event ? { event, replaceEvent: replace } : null),
    [event, replace],
  );

  if (resource.status === 'error' && resource.error.code === 'NOT_FOUND') {
    return <NotFoundPage title={t.event.notFoundTitle} text={t.event.notFoundText} />;
  }
  if (!context) {
    return (
      <MainContent busy={resource.status === 'loading'}>
        {resource.status !== 'error' ? (
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
    <EventContext.Provider value={context}>
      <EventNav event={context.event} t={t} />
      <MainContent>
        <Outlet />
      </MainContent>
    </EventContext.Provider>
  );
}
