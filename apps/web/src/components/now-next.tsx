import type { EventView, NowNext as NowNextView, SessionSummary } from '@plenum/contracts';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import {
  eventDayKey,
  formatShortDay,
  formatTimeRange,
  viewerInOtherTimeZone,
} from '../format/dates';
import { describeError } from '../i18n/error-message';
import { useI18n } from '../i18n/i18n';
import { eventPath } from '../layout/event-layout';
import { EmptyState, ErrorNotice, Skeleton } from './status-blocks';

// Live state changes within minutes; a socket push replaces this poll once the live gateway lands.
const refreshMs = 60_000;

function SessionItem({
  session,
  timeZone,
  today,
}: {
  session: SessionSummary;
  timeZone: string;
  today: string;
}) {
  const { t, intlLocale } = useI18n();
  const { slug = '' } = useParams();
  const otherDay = eventDayKey(session.startsAt, timeZone) !== today;
  const timeRange = formatTimeRange(session.startsAt, session.endsAt, timeZone, intlLocale);
  return (
    <li className={session.state === 'live' ? 'session session-live' : 'session'}>
      <p className="session-meta">
        <span className="tag">{t.sessionKinds[session.kind]}</span>
        {session.state === 'live' ? <span className="tag tag-live">{t.nowNext.live}</span> : null}
        {session.state === 'cancelled' ? (
          <span className="tag tag-cancelled">{t.nowNext.cancelled}</span>
        ) : null}
      </p>
      <h4 className="session-title">
        {session.state === 'live' || session.state === 'scheduled' ? (
          <Link to={`${eventPath(slug)}/sessions/${session.id}`}>{session.title}</Link>
        ) : (
          session.title
        )}
      </h4>
      <p className="session-when">
        <time dateTime={session.startsAt}>
          {otherDay ? `${formatShortDay(session.startsAt, timeZone, intlLocale)}, ` : null}
          {timeRange}
        </time>
        {session.stage ? (
          <>
            {' · '}
            <span className="visually-hidden">{t.nowNext.stage}: </span>
            {session.stage.name}
          </>
        ) : null}
      </p>
      {session.speakers.length > 0 ? (
        <p className="session-speakers">
          <span className="visually-hidden">{t.nowNext.speakers}: </span>
          {session.speakers
            .map((speaker) =>
              speaker.part === 'speaker'
                ? speaker.name
                : `${speaker.name} (${t.speakerParts[speaker.part]})`,
            )
            .join(', ')}
        </p>
      ) : null}
    </li>
  );
}

function SessionColumn({
  id,
  title,
  sessions,
  emptyText,
  timeZone,
  today,
}: {
  id: string;
  title: string;
  sessions: SessionSummary[];
  emptyText: string;
  timeZone: string;
  today: string;
}) {
  return (
    <div className="now-next-column">
      <h3 id={id}>{title}</h3>
      {sessions.length === 0 ? (
        <EmptyState>
          <p>{emptyText}</p>
        </EmptyState>
      ) : (
        <ul className="session-list" aria-labelledby={id}>
          {sessions.map((session) => (
            <SessionItem key={session.id} session={session} timeZone={timeZone} today={today} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The "now and next" strip of an event: what is live and what starts soon, on every stage. */
export function NowNext({ event }: { event: EventView }) {
  const { t } = useI18n();
  const { resource, reload } = useResource<NowNextView>(
    `/api/events/${encodeURIComponent(event.slug)}/now-next`,
    { refreshMs },
  );

  return (
    <section
      className="now-next"
      aria-labelledby="now-next-title"
      aria-busy={resource.status === 'loading' || undefined}
    >
      <h2 id="now-next-title">{t.nowNext.title}</h2>
      {resource.status === 'loading' ? <Skeleton lines={4} /> : null}
      {resource.status === 'error' ? (
        <ErrorNotice
          message={`${t.nowNext.loadError} ${describeError(resource.error, t)}`}
          onRetry={reload}
        />
      ) : null}
      {resource.status === 'ready' ? (
        <>
          {viewerInOtherTimeZone(event.timeZone, resource.data.at) ? (
            <p className="muted">{t.nowNext.timesIn(event.timeZone)}</p>
          ) : null}
          <div className="now-next-columns">
            <SessionColumn
              id="now-title"
              title={t.nowNext.now}
              sessions={resource.data.now}
              emptyText={t.nowNext.nothingNow}
              timeZone={event.timeZone}
              today={eventDayKey(resource.data.at, event.timeZone)}
            />
            <SessionColumn
              id="next-title"
              title={t.nowNext.next}
              sessions={resource.data.next}
              emptyText={t.nowNext.nothingNext}
              timeZone={event.timeZone}
              today={eventDayKey(resource.data.at, event.timeZone)}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
