import type { NowNext } from '@plenum/contracts';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../api/use-resource';
import { ChatPanel } from '../chat/chat-panel';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';

/** A session's live page: its chat, the stage reactions and how many people watch. */
export function SessionLivePage() {
  const t = useT();
  const event = useEvent();
  const { sessionId = '' } = useParams();
  const { resource } = useResource<NowNext>(
    `/api/events/${encodeURIComponent(event.slug)}/now-next`,
  );
  const session =
    resource.status === 'ready'
      ? [...resource.data.now, ...resource.data.next].find((s) => s.id === sessionId)
      : undefined;
  const heading = session?.title ?? t.chat.sessionPage;
  useDocumentTitle(`${heading} · ${event.title}`);
  const room = session?.kind === 'workshop' ? `workshop:${sessionId}` : `session:${sessionId}`;
  return (
    <>
      <h1 lang={event.defaultLocale}>{heading}</h1>
      {resource.status === 'loading' ? null : (
        <ChatPanel
          key={room}
          room={room}
          eventId={event.id}
          title={t.chat.sessionTitle}
          reactions
        />
      )}
      <p>
        <Link to={eventPath(event.slug)}>{t.event.backToEvent}</Link>
      </p>
    </>
  );
}
