import type {
  MyWorkshopRegistration,
  WorkshopList,
  WorkshopSeats,
  WorkshopView,
} from '@plenum/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { asApiError, useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { formatShortDay, formatTimeRange } from '../format/dates';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { useWorkshopSignals } from './workshop-live';

type Filter = 'all' | 'mine';

/** The workshops with seats left and waitlist, live; register, wait and cancel in place. */
export function WorkshopsPage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const announce = useAnnounce();
  useDocumentTitle(`${t.workshops.title} · ${event.title}`);
  const base = `/api/events/${encodeURIComponent(event.slug)}/workshops`;
  const { resource, reload, refresh } = useResource<WorkshopList>(base, { refreshMs: 60_000 });
  const [workshops, setWorkshops] = useState<WorkshopView[] | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (resource.status === 'ready') setWorkshops(resource.data.workshops);
  }, [resource]);

  const onSeats = useCallback(
    (seats: WorkshopSeats) =>
      setWorkshops((list) =>
        list ? list.map((w) => (w.id === seats.sessionId ? { ...w, seats } : w)) : list,
      ),
    [],
  );
  // The notice itself (toast and list) comes through the notifications; this updates the card.
  const onPromoted = useCallback(() => refresh(), [refresh]);
  useWorkshopSignals(event.id, onSeats, onPromoted);

  const act = async (workshop: WorkshopView, action: 'register' | 'cancel') => {
    setBusy(workshop.id);
    setProblem(null);
    try {
      const path = `${base}/${workshop.id}/registration`;
      const mine =
        action === 'register'
          ? await api.post<MyWorkshopRegistration>(path, {})
          : await api.delete<MyWorkshopRegistration>(path);
      setWorkshops((list) =>
        list ? list.map((w) => (w.id === workshop.id ? { ...w, mine } : w)) : list,
      );
      if (mine.status === 'confirmed') announce(t.workshops.registered(workshop.title));
      else if (mine.status === 'waitlisted')
        announce(t.workshops.waitlistedAnnounce(workshop.title, mine.position ?? 0));
      else announce(t.workshops.cancelled(workshop.title));
      refresh();
    } catch (error) {
      const message = `${t.workshops.actionFailed} ${describeError(asApiError(error), t)}`;
      setProblem(message);
      announce(message);
    } finally {
      setBusy(null);
    }
  };

  const shown = (workshops ?? []).filter(
    (w) => filter === 'all' || (w.mine !== null && w.mine.status !== 'cancelled'),
  );

  return (
    <>
      <h1>{t.workshops.title}</h1>
      <div className="actions" role="group" aria-label={t.workshops.title}>
        <button
          type="button"
          className="toggle"
          aria-pressed={filter === 'all'}
          onClick={() => setFilter('all')}
        >
          {t.workshops.all}
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={filter === 'mine'}
          onClick={() => setFilter('mine')}
        >
          {t.workshops.mine}
        </button>
      </div>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {resource.status === 'loading' && !workshops ? <Skeleton lines={6} /> : null}
      {resource.status === 'error' && !workshops ? (
        <ErrorNotice
          message={`${t.workshops.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {workshops && shown.length === 0 ? (
        <EmptyState>
          <p>{filter === 'mine' ? t.workshops.emptyMine : t.workshops.empty}</p>
        </EmptyState>
      ) : null}
      <ul className="workshop-list">
        {shown.map((w) => (
          <li key={w.id} className="card workshop-card" data-testid={`workshop-${w.id}`}>
            <h2>{w.title}</h2>
            <p className="muted">
              {formatShortDay(w.startsAt, event.timeZone, intlLocale)},{' '}
              {formatTimeRange(w.startsAt, w.endsAt, event.timeZone, intlLocale)}
              {w.hosts.length ? ` · ${t.workshops.hosts} ${w.hosts.join(', ')}` : ''}
            </p>
            <p className="workshop-seats" aria-live="polite">
              <span data-testid="seats">
                {w.seats.seatsLeft === null
                  ? t.workshops.unlimited
                  : w.seats.seatsLeft > 0
                    ? t.workshops.seatsLeft(w.seats.seatsLeft)
                    : t.workshops.full}
              </span>
              {w.seats.waitlisted > 0 ? ` · ${t.workshops.waitlist(w.seats.waitlisted)}` : ''}
            </p>
            <RegistrationState workshop={w} />
            <div className="actions">
              {w.mine && w.mine.status !== 'cancelled' ? (
                <button
                  type="button"
                  disabled={busy === w.id}
                  onClick={() => void act(w, 'cancel')}
                >
                  {w.mine.status === 'confirmed' ? t.workshops.cancel : t.workshops.leaveWaitlist}
                </button>
              ) : w.registrationOpen ? (
                <button
                  type="button"
                  className="primary"
                  disabled={busy === w.id}
                  onClick={() => void act(w, 'register')}
                >
                  {w.seats.seatsLeft === 0 ? t.workshops.joinWaitlist : t.workshops.register}
                </button>
              ) : null}
              {w.mine?.status === 'confirmed' || w.isHost ? (
                <Link to={`${eventPath(event.slug, 'workshops')}/${w.id}`}>
                  {t.workshops.enterRoom}
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function RegistrationState({ workshop }: { workshop: WorkshopView }) {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const mine = workshop.mine;
  if (mine?.status === 'confirmed') {
    return (
      <p className="notice notice-success" data-testid="my-status">
        {t.workshops.confirmed}
      </p>
    );
  }
  if (mine?.status === 'waitlisted') {
    return (
      <p className="notice notice-info" data-testid="my-status">
        {t.workshops.waitlisted(mine.position ?? 0)}
      </p>
    );
  }
  if (!workshop.registrationOpen) {
    const opens = workshop.registrationOpensAt;
    return (
      <p className="muted">
        {opens && new Date(opens) > new Date()
          ? t.workshops.opensAt(
              new Intl.DateTimeFormat(intlLocale, {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: event.timeZone,
              }).format(new Date(opens)),
            )
          : t.workshops.closed}
      </p>
    );
  }
  return null;
}
