import '../stage/stage.css';
import type { HTMLAttributes } from 'react';
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
import { useStageTabs } from '../stage/stage-tabs';
import { useSessionQa } from '../stage/use-session-qa';

type StagePanel = 'qa' | 'polls' | 'chat';

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
  const workshop = session?.kind === 'workshop';
  const { tablist, panelProps } = useStageTabs<StagePanel>(
    workshop
      ? []
      : [
          { key: 'qa', label: t.stage.qa.title },
          { key: 'polls', label: t.stage.polls.title },
          { key: 'chat', label: t.stage.chatTab },
        ],
    t.stage.panels,
  );
  if (resource.status === 'loading') return <Skeleton lines={6} />;
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
          {tablist}
          {workshop ? null : (
            <StageInteraction slug={event.slug} sessionId={sessionId} panelProps={panelProps} />
          )}
        </div>
        <div {...panelProps('chat')}>
          <ChatPanel
            key={room}
            room={room}
            eventId={event.id}
            title={t.chat.sessionTitle}
            reactions
          />
        </div>
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

function StageInteraction({
  slug,
  sessionId,
  panelProps,
}: {
  slug: string;
  sessionId: string;
  panelProps: (key: StagePanel) => HTMLAttributes<HTMLDivElement>;
}) {
  const qa = useSessionQa(sessionId);
  return (
    <div className="stage-interaction">
      <div {...panelProps('qa')}>
        <QaPanel slug={slug} sessionId={sessionId} qa={qa} />
      </div>
      <div {...panelProps('polls')}>
        <PollsPanel sessionId={sessionId} qa={qa} />
      </div>
    </div>
  );
}
