import { Link, useParams } from 'react-router-dom';
import { useDocumentTitle } from '../components/document-title';
import { ErrorNotice, Skeleton } from '../components/status-blocks';
import { describeError } from '../i18n/error-message';
import { useT } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { useAgendaIds, useProgramme, useZoneChoice } from '../programme/programme-data';
import { SessionCard } from '../programme/session-card';
import { NotFoundContent } from './not-found-page';

/** A speaker's profile and their sessions in this event. */
export function SpeakerPage() {
  const t = useT();
  const event = useEvent();
  const { speakerId = '' } = useParams();
  const { resource, reload } = useProgramme(event.slug);
  const agenda = useAgendaIds(event.slug);
  const zone = useZoneChoice(event.timeZone);
  const programme = resource.status === 'ready' ? resource.data : null;
  const speaker = programme?.speakers.find((s) => s.id === speakerId);
  useDocumentTitle(speaker ? `${speaker.name} · ${event.title}` : t.programme.title);

  if (resource.status === 'loading') return <Skeleton lines={5} />;
  if (resource.status === 'error') {
    return (
      <ErrorNotice
        message={`${t.programme.loadError} ${describeError(resource.error, t)}`}
        onRetry={reload}
      />
    );
  }
  if (!programme || !speaker) return <NotFoundContent />;
  const sessions = programme.sessions.filter((s) => s.speakers.some((p) => p.id === speaker.id));

  return (
    <article className="speaker-page">
      <p>
        <Link to={eventPath(event.slug, 'programme')}>{t.programme.backToProgramme}</Link>
      </p>
      <div className="speaker-intro">
        {speaker.photoUrl ? <img className="speaker-photo" src={speaker.photoUrl} alt="" /> : null}
        <div>
          <h1>{speaker.name}</h1>
          {speaker.title || speaker.organisation ? (
            <p className="lead">
              {[speaker.title, speaker.organisation].filter(Boolean).join(', ')}
            </p>
          ) : null}
        </div>
      </div>
      {speaker.biography.split(/\n\s*\n/).map((paragraph, i) =>
        paragraph.trim() ? (
          <p key={i} className="prose" lang={event.defaultLocale}>
            {paragraph}
          </p>
        ) : null,
      )}
      {speaker.links.length > 0 ? (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t.programme.links}</h2>
          <ul>
            {speaker.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="speaker-sessions-title">
        <h2 id="speaker-sessions-title">{t.programme.sessionsOf}</h2>
        <ul className="session-list">
          {sessions.map((session) => (
            <SessionCard
              key={session.id}
              session={session}
              programme={programme}
              zone={zone.zone}
              showDay
              agenda={{
                inAgenda: agenda.ids.has(session.id),
                busy: agenda.busy === session.id,
                onToggle: () => void agenda.toggle(session),
              }}
            />
          ))}
        </ul>
      </section>
    </article>
  );
}
