import '../stage/stage.css';
import { useParams } from 'react-router-dom';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';
import { useProgramme } from '../programme/programme-data';
import { useSessionQa } from '../stage/use-session-qa';

/** For the projector in the room: the question on screen now, in large type, live. */
export function StageDisplayPage() {
  const t = useT();
  const event = useEvent();
  const { sessionId = '' } = useParams();
  const { resource } = useProgramme(event.slug);
  const title =
    resource.status === 'ready'
      ? (resource.data.sessions.find((s) => s.id === sessionId)?.title ?? '')
      : '';
  useDocumentTitle(`${t.stage.display} · ${title || event.title}`);
  const { state } = useSessionQa(sessionId);
  const current = state.questions.find((q) => q.onScreen);
  return (
    <section className="stage-display" aria-live="polite">
      <p className="stage-display-title" lang={event.defaultLocale}>
        {title}
      </p>
      {current ? (
        <figure className="stage-display-question">
          <blockquote>{current.body}</blockquote>
          <figcaption>
            {current.author?.displayName ??
              (current.anonymous ? t.stage.qa.anonymousAuthor : t.stage.qa.deletedAuthor)}
          </figcaption>
        </figure>
      ) : (
        <p className="stage-display-empty">{t.stage.displayEmpty}</p>
      )}
    </section>
  );
}
