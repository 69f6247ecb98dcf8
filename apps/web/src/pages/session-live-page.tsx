import '../stage/stage.css';
import { Link, useParams } from 'react-router-dom';
import { ChatPanel } from '../chat/chat-panel';
import { useDocumentTitle } from '../components/document-title';
import { Skeleton } from '../components/status-blocks';
import { useT } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import { useProgramme } from '../programme/programme-data';
import { PollsPanel } from '../stage/polls-panel';
import { QaPanel } from '../stage/qa-panel';
import { StageVideo } from '../stage/stage-video';
import { useSessionQa } from '../stage/use-session-qa';

/** A session's live page: the stage video, its chat and reactions, Q&A and polls. */
export function SessionLivePage() {
  const t = useT();
  const event = useEvent();
  const { sessionId = '' } = useParams();
  const { resource } = useProgramme(event.slug);
  const session =
    resource.status === 'ready'
      ? resource.data.sessions.find((s) => s.id === sessionId)
      : undefined;
  const heading = session?.title ?? t.chat.sessionPage;
  useDocumentTitle(`${heading} · ${event.title}`);
  if (resource.status === 'loading') return <Skeleton lines={6} />;
  const workshop = session?.kind === 'workshop';
  const room = workshop ? `workshop:${sessionId}` : `session:${sessionId}`;
  return (
    <>
      <h1 lang={event.defaultLocale}>{heading}</h1>
      <div className="stage-layout">
        <div className="stage-main">
          {workshop ? null : (
            <StageVideo
              slug={event.slug}
              sessionId={sessionId}
              streamUrl={session?.streamUrl ?? null}
            />
          )}
          {workshop ? null : <StageInteraction slug={event.slug} sessionId={sessionId} />}
        </div>
        <ChatPanel
          key={room}
          room={room}
          eventId={event.id}
          title={t.chat.sessionTitle}
          reactions
        />
      </div>
      <p>
        <Link to={`${eventPath(event.slug)}/sessions/${sessionId}/display`}>{t.stage.display}</Link>
        {session?.stageId ? (
          <>
            {' · '}
            <Link to={`${eventPath(event.slug)}/stages/${session.stageId}/backstage`}>
              {t.stage.backstage}
            </Link>
          </>
        ) : null}
        {' · '}
        <Link to={eventPath(event.slug)}>{t.event.backToEvent}</Link>
      </p>
    </>
  );
}

function StageInteraction({ slug, sessionId }: { slug: string; sessionId: string }) {
  const qa = useSessionQa(sessionId);
  return (
    <div className="stage-interaction">
      <QaPanel slug={slug} sessionId={sessionId} qa={qa} />
      <PollsPanel sessionId={sessionId} qa={qa} />
    </div>
  );
}
