import type { Agenda, CalendarFeedView } from '@plenum/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { eventDayKey, formatTimeRange } from '../format/dates';
import { formatDayHeading } from '../format/day-heading';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { sessionPagePath, useProgramme, useZoneChoice } from '../programme/programme-data';
import { ZoneSwitch } from '../programme/zone-switch';

/** "Mein Programm": the person's own sessions by day, overlaps marked, live ones one click away. */
export function AgendaPage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const announce = useAnnounce();
  useDocumentTitle(`${t.agenda.title} · ${event.title}`);
  const base = `/api/events/${encodeURIComponent(event.slug)}`;
  // Refreshed each minute so a session that goes live shows its way in without a reload.
  const { resource, reload } = useResource<Agenda>(`${base}/agenda`, { refreshMs: 60_000 });
  const programmeResource = useProgramme(event.slug).resource;
  const zone = useZoneChoice(event.timeZone);
  const [removing, setRemoving] = useState<string | null>(null);
  const [entries, setEntries] = useState<Agenda['entries'] | null>(null);
  // A fresh answer from the server replaces what a removal left on screen.
  useEffect(() => setEntries(null), [resource]);
  const shown = entries ?? (resource.status === 'ready' ? resource.data.entries : []);
  const stages = programmeResource.status === 'ready' ? programmeResource.data.stages : [];

  const remove = async (id: string, title: string) => {
    setRemoving(id);
    try {
      const agenda = await api.delete<Agenda>(`${base}/agenda/sessions/${id}`);
      setEntries(agenda.entries);
      announce(t.programme.removed(title));
    } catch {
      announce(t.programme.agendaFailed);
    } finally {
      setRemoving(null);
    }
  };

  const titles = new Map(shown.map((e) => [e.session.id, e.session.title]));
  const days = [...new Set(shown.map((e) => eventDayKey(e.session.startsAt, zone.zone)))];
  const overlapping = shown.filter((e) => e.overlapsWith.length > 0).length;

  return (
    <>
      <h1>{t.agenda.title}</h1>
      {resource.status === 'loading' ? <Skeleton lines={5} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.agenda.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' && shown.length === 0 ? (
        <EmptyState title={t.agenda.emptyTitle}>
          <p>{t.agenda.emptyText}</p>
          <p>
            <Link to={eventPath(event.slug, 'programme')}>{t.agenda.toProgramme}</Link>
          </p>
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <>
          <ZoneSwitch
            choice={zone.choice}
            onChange={zone.setChoice}
            eventZone={zone.eventZone}
            viewerZone={zone.viewerZone}
          />
          {overlapping > 0 ? (
            <p className="notice notice-info">{t.agenda.overlapCount(overlapping)}</p>
          ) : null}
          {days.map((day) => (
            <section key={day} aria-labelledby={`agenda-${day}`} className="programme-group">
              <h2 id={`agenda-${day}`} className="programme-group-title">
                {formatDayHeading(day, intlLocale)}
              </h2>
              <ul className="session-list">
                {shown
                  .filter((e) => eventDayKey(e.session.startsAt, zone.zone) === day)
                  .map(({ session, overlapsWith }) => {
                    const stage = stages.find((s) => s.id === session.stageId);
                    return (
                      <li
                        key={session.id}
                        className={[
                          'session',
                          session.state === 'live' ? 'session-live' : '',
                          overlapsWith.length ? 'session-overlap' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                      >
                        <p className="session-meta">
                          <span className="tag">{t.sessionKinds[session.kind]}</span>
                          {session.state === 'live' ? (
                            <span className="tag tag-live">{t.nowNext.live}</span>
                          ) : null}
                          {session.state === 'cancelled' ? (
                            <span className="tag tag-cancelled">{t.nowNext.cancelled}</span>
                          ) : null}
                        </p>
                        <h3 className="session-title">
                          <Link to={sessionPagePath(event.slug, session.id)}>{session.title}</Link>
                        </h3>
                        <p className="session-when">
                          <time dateTime={session.startsAt}>
                            {formatTimeRange(
                              session.startsAt,
                              session.endsAt,
                              zone.zone,
                              intlLocale,
                            )}
                          </time>
                          {stage ? ` · ${stage.name}` : null}
                        </p>
                        {overlapsWith.length ? (
                          <p className="session-overlap-note">
                            {t.agenda.overlaps}{' '}
                            {overlapsWith.map((id) => titles.get(id) ?? '').join(', ')}
                          </p>
                        ) : null}
                        <p className="session-actions">
                          {session.state === 'live' ? (
                            <Link
                              className="button button-primary button-small"
                              to={sessionPagePath(event.slug, session.id)}
                            >
                              {t.programme.watchLive}
                              <span className="visually-hidden">: {session.title}</span>
                            </Link>
                          ) : null}
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            disabled={removing === session.id}
                            onClick={() => void remove(session.id, session.title)}
                          >
                            {t.programme.removeFromAgenda}
                            <span className="visually-hidden">: {session.title}</span>
                          </button>
                        </p>
                      </li>
                    );
                  })}
              </ul>
            </section>
          ))}
        </>
      ) : null}
      <CalendarFeed slug={event.slug} />
    </>
  );
}

function CalendarFeed({ slug }: { slug: string }) {
  const { t, intlLocale } = useI18n();
  const announce = useAnnounce();
  const path = `/api/events/${encodeURIComponent(slug)}/agenda/feed`;
  const { resource, reload } = useResource<CalendarFeedView>(path);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = resource.status === 'ready' && resource.data.active;

  const create = async () => {
    setBusy(true);
    try {
      const feed = await api.post<CalendarFeedView>(path);
      setUrl(feed.url ?? null);
      reload();
    } catch {
      announce(t.agenda.calendarFailed);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    try {
      await api.delete<void>(path);
      setUrl(null);
      announce(t.agenda.calendarRevoked);
      reload();
    } catch {
      announce(t.agenda.calendarFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t.agenda.calendarTitle}</h2>
      <p>{t.agenda.calendarIntro}</p>
      {resource.status === 'ready' ? (
        <p className="muted">
          {resource.data.active && resource.data.createdAt
            ? t.agenda.calendarActive(
                new Intl.DateTimeFormat(intlLocale, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(resource.data.createdAt)),
              )
            : t.agenda.calendarNone}
        </p>
      ) : null}
      {url ? (
        <div className="field">
          <label htmlFor="calendar-url" className="field-label">
            {t.agenda.calendarUrl}
          </label>
          <p id="calendar-url-hint" className="field-hint">
            {t.agenda.calendarUrlHint}
          </p>
          <input
            id="calendar-url"
            className="field-input"
            readOnly
            value={url}
            aria-describedby="calendar-url-hint"
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
      <p className="session-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void create()}
        >
          {active ? t.agenda.calendarRenew : t.agenda.calendarCreate}
        </button>
        {active ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => void revoke()}
          >
            {t.agenda.calendarRevoke}
          </button>
        ) : null}
      </p>
      <p>
        <a href={`/api/events/${encodeURIComponent(slug)}/schedule.ics`}>
          {t.agenda.wholeProgramme}
        </a>
      </p>
    </section>
  );
}
