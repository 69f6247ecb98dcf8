import type { Programme, SessionView } from '@plenum/contracts';
import { Link } from 'react-router-dom';
import { formatShortDay, formatTimeRange } from '../format/dates';
import { useI18n } from '../i18n/i18n';
import { sessionPagePath } from './programme-data';

export interface AgendaToggle {
  inAgenda: boolean;
  busy: boolean;
  onToggle: () => void;
}

/** One programme entry: when, where, what, who, and the agenda button. */
export function SessionCard({
  session,
  programme,
  zone,
  showDay = false,
  agenda,
  headingLevel = 3,
}: {
  session: SessionView;
  programme: Programme;
  zone: string;
  showDay?: boolean;
  agenda?: AgendaToggle;
  headingLevel?: 3 | 4;
}) {
  const { t, intlLocale } = useI18n();
  const stage = programme.stages.find((s) => s.id === session.stageId);
  const track = programme.tracks.find((x) => x.id === session.trackId);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const className = [
    'session',
    session.state === 'live' ? 'session-live' : '',
    session.state === 'cancelled' ? 'session-cancelled' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={className}>
      <p className="session-meta">
        <span className="tag">{t.sessionKinds[session.kind]}</span>
        {track ? <span className="tag tag-track">{track.name}</span> : null}
        {session.state === 'live' ? <span className="tag tag-live">{t.nowNext.live}</span> : null}
        {session.state === 'cancelled' ? (
          <span className="tag tag-cancelled">{t.nowNext.cancelled}</span>
        ) : null}
        {agenda?.inAgenda ? <span className="tag tag-agenda">{t.programme.inAgenda}</span> : null}
      </p>
      <Heading className="session-title">
        <Link to={sessionPagePath(programme.slug, session.id)}>{session.title}</Link>
      </Heading>
      <p className="session-when">
        <time dateTime={session.startsAt}>
          {showDay ? `${formatShortDay(session.startsAt, zone, intlLocale)}, ` : null}
          {formatTimeRange(session.startsAt, session.endsAt, zone, intlLocale)}
        </time>
        {stage ? (
          <>
            {' · '}
            <span className="visually-hidden">{t.programme.stage}: </span>
            {stage.name}
          </>
        ) : null}
      </p>
      {session.speakers.length > 0 ? (
        <p className="session-speakers">
          <span className="visually-hidden">{t.programme.speakers}: </span>
          {session.speakers
            .map((s) => (s.part === 'speaker' ? s.name : `${s.name} (${t.speakerParts[s.part]})`))
            .join(', ')}
        </p>
      ) : null}
      {agenda && session.kind !== 'break' ? (
        <p className="session-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={agenda.busy}
            onClick={agenda.onToggle}
          >
            {agenda.inAgenda ? t.programme.removeFromAgenda : t.programme.addToAgenda}
            <span className="visually-hidden">: {session.title}</span>
          </button>
        </p>
      ) : null}
    </li>
  );
}
