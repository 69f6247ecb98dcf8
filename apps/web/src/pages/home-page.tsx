import type { EventView } from '@plenum/contracts';
import { Link, Navigate } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { useAuth } from '../auth/auth-context';
import { useDocumentTitle } from '../components/document-title';
import { MainContent } from '../components/main-content';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { formatEventDays } from '../format/dates';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';

export function HomePage() {
  const { t, intlLocale } = useI18n();
  const { resource, reload } = useResource<EventView[]>('/api/me/events');
  useDocumentTitle(t.home.title);
  // Mirrors installationPolicy['events.create']: organizers of any event create events (the
  // installation's admins may too, and can open the wizard's address; the api decides).
  const { memberships } = useAuth();
  const mayCreate =
    memberships.status === 'ready' && memberships.data.some((m) => m.role === 'organizer');

  const [onlyEvent] = resource.status === 'ready' ? resource.data : [];
  if (resource.status === 'ready' && resource.data.length === 1 && onlyEvent) {
    return <Navigate to={`/e/${encodeURIComponent(onlyEvent.slug)}`} replace />;
  }

  return (
    <MainContent busy={resource.status === 'loading'}>
      <h1>{t.home.title}</h1>
      {mayCreate ? (
        <p>
          <Link className="button button-secondary" to="/events/new">
            {t.home.createEvent}
          </Link>
        </p>
      ) : null}
      {resource.status === 'loading' ? <Skeleton /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.home.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' && resource.data.length === 0 ? (
        <EmptyState title={t.home.emptyTitle}>
          <p>{t.home.emptyText}</p>
        </EmptyState>
      ) : null}
      {resource.status === 'ready' && resource.data.length > 1 ? (
        <ul className="card-list">
          {resource.data.map((event) => (
            <li key={event.id} className="card">
              <h2 className="card-title">
                <Link to={`/e/${encodeURIComponent(event.slug)}`}>{event.title}</Link>
              </h2>
              <p className="muted">{formatEventDays(event.startsOn, event.endsOn, intlLocale)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </MainContent>
  );
}
