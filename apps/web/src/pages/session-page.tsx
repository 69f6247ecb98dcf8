import type { SessionView } from '@plenum/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { useAnnounce } from '../components/announcer';
import { useDocumentTitle } from '../components/document-title';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { formatTimeRange } from '../format/dates';
import { formatDayHeading } from '../format/day-heading';
import { eventDayKey } from '../format/dates';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import {
  speakerPagePath,
  useAgendaIds,
  useEventRoles,
  useProgramme,
  useZoneChoice,
} from '../programme/programme-data';
import { ZoneSwitch } from '../programme/zone-switch';
import { RecordingControl } from '../ondemand/recording-control';
import { SessionOnDemandSection } from '../ondemand/session-ondemand';
import { NotFoundContent } from './not-found-page';

/** One session: when and where, who, what it is about, and the way in when it is live. */
export function SessionPage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  const { sessionId = '' } = useParams();
  const { resource, reload } = useProgramme(event.slug);
  const agenda = useAgendaIds(event.slug);
  const roles = useEventRoles(event.id);
  const zone = useZoneChoice(event.timeZone);
  const announce = useAnnounce();
  const [changing, setChanging] = useState(false);
  const programme = resource.status === 'ready' ? resource.data : null;
  const session = programme?.sessions.find((s) => s.id === sessionId);
  useDocumentTitle(session ? `${session.title} · ${event.title}` : t.programme.title);

  if (resource.status === 'loading') return <Skeleton lines={6} />;
  if (resource.status === 'error') {
    return (
      <ErrorNotice
        message={`${t.programme.loadError} ${describeError(resource.error, t)}`}
        onRetry={reload}
      />
    );
  }
  if (!programme || !session) {
    return <NotFoundContent />;
  }
  const stage = programme.stages.find((s) => s.id === session.stageId);
  const track = programme.tracks.find((x) => x.id === session.trackId);
  const speakers = session.speakers.map((p) => ({
    ...p,
    profile: programme.speakers.find((s) => s.id === p.id),
  }));

  const transition = async (action: 'start' | 'end') => {
    setChanging(true);
    try {
      await api.post<SessionView>(
        `/api/events/${encodeURIComponent(event.slug)}/sessions/${session.id}/${action}`,
      );
      announce(action === 'start' ? t.programme.started : t.programme.endedNow);
      reload();
    } catch {
      announce(t.programme.stateFailed);
    } finally {
      setChanging(false);
    }
  };

  return (
    <article className="session-page">
      <p>
        <Link to={eventPath(event.slug, 'programme')}>{t.programme.backToProgramme}</Link>
      </p>
      <p className="session-meta">
        <span className="tag">{t.sessionKinds[session.kind]}</span>
        {track ? <span className="tag tag-track">{track.name}</span> : null}
        {session.state === 'cancelled' ? (
          <span className="tag tag-cancelled">{t.nowNext.cancelled}</span>
        ) : null}
        {session.state === 'ended' ? <span className="tag">{t.programme.ended}</span> : null}
      </p>
      <h1 lang={event.defaultLocale}>{session.title}</h1>
      <p className="session-page-when">
        <time dateTime={session.startsAt}>
          {formatDayHeading(eventDayKey(session.startsAt, zone.zone), intlLocale)},{' '}
          {formatTimeRange(session.startsAt, session.endsAt, zone.zone, intlLocale)}
        </time>
        {stage ? ` · ${stage.name}` : null}
        {session.capacity !== null ? ` · ${t.programme.capacity(session.capacity)}` : null}
      </p>
      <ZoneSwitch
        choice={zone.choice}
        onChange={zone.setChoice}
        eventZone={zone.eventZone}
        viewerZone={zone.viewerZone}
      />
      {session.state === 'live' ? (
        <div className="notice notice-live" role="status">
          <p className="notice-title">
            <span className="tag tag-live">{t.nowNext.live}</span> {t.programme.liveNow}
          </p>
          {stage ? <p>{t.programme.liveOnStage(stage.name)}</p> : null}
          {session.streamUrl ? (
            <p>
              <a className="button button-primary" href={session.streamUrl} rel="noreferrer">
                {t.programme.openStream}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="session-actions">
        {session.kind !== 'break' ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={agenda.busy === session.id}
            onClick={() => void agenda.toggle(session)}
          >
            {agenda.ids.has(session.id) ? t.programme.removeFromAgenda : t.programme.addToAgenda}
          </button>
        ) : null}
        {roles.canModerate(session.id) && session.state === 'scheduled' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={changing}
            onClick={() => void transition('start')}
          >
            {t.programme.start}
          </button>
        ) : null}
        {roles.canModerate(session.id) && session.state === 'live' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={changing}
            onClick={() => void transition('end')}
          >
            {t.programme.end}
          </button>
        ) : null}
      </p>
      {session.abstract ? (
        <section aria-labelledby="abstract-title">
          <h2 id="abstract-title">{t.programme.abstract}</h2>
          {session.abstract.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i} className="prose" lang={event.defaultLocale}>
              {paragraph}
            </p>
          ))}
        </section>
      ) : null}
      {roles.canModerate(session.id) && session.state === 'live' ? (
        <RecordingControl slug={event.slug} sessionId={session.id} timeZone={event.timeZone} />
      ) : null}
      {session.kind !== 'break' && session.kind !== 'expo' ? (
        <SessionOnDemandSection
          slug={event.slug}
          sessionId={session.id}
          title={session.title}
          ended={
            session.state === 'ended' ||
            (session.state !== 'cancelled' && new Date(session.endsAt).getTime() <= Date.now())
          }
        />
      ) : null}
      {speakers.length > 0 ? (
        <section aria-labelledby="speakers-title">
          <h2 id="speakers-title">{t.programme.speakers}</h2>
          <ul className="card-list">
            {speakers.map((p) => (
              <li key={p.id} className="card">
                <h3 className="card-title">
                  <Link to={speakerPagePath(event.slug, p.id)}>{p.name}</Link>
                </h3>
                <p className="muted">
                  {[t.speakerParts[p.part], p.profile?.title, p.profile?.organisation]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
