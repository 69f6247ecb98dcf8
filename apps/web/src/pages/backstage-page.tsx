import '../stage/stage.css';
import type { BackstageLine, RoomAccessChanged } from '@plenum/contracts';
import { Suspense, lazy, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { liveCall, liveSocket } from '../chat/live-connection';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { VideoLoading } from '../components/video-loading';
import { useT } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';
import { useProgramme } from '../programme/programme-data';
import { StageVideo } from '../stage/stage-video';
import { useSessionQa } from '../stage/use-session-qa';
import { RecordingControl } from '../ondemand/recording-control';

const BackstageRoom = lazy(() =>
  import('../stage/backstage-room').then((module) => ({ default: module.BackstageRoom })),
);

/** Where speakers and moderators meet before and during a session on one stage. */
export function BackstagePage() {
  const t = useT();
  const event = useEvent();
  const { stageId = '' } = useParams();
  const selectId = useId();
  const { resource } = useProgramme(event.slug);
  const sessions =
    resource.status === 'ready'
      ? resource.data.sessions.filter((s) => s.stageId === stageId && s.state !== 'cancelled')
      : [];
  const live = sessions.find((s) => s.state === 'live');
  const upcoming = sessions.find((s) => s.state === 'scheduled');
  const [chosen, setChosen] = useState<string | null>(null);
  const sessionId = chosen ?? live?.id ?? upcoming?.id ?? sessions[0]?.id ?? null;
  const session = sessions.find((s) => s.id === sessionId);
  useDocumentTitle(`${t.stage.backstage} · ${event.title}`);

  if (resource.status === 'loading') return <Skeleton lines={6} />;
  if (resource.status === 'error') return <ErrorNotice message={t.stage.videoFailed} />;
  return (
    <>
      <h1>{t.stage.backstage}</h1>
      {sessions.length === 0 ? (
        <EmptyState>{t.stage.noSessions}</EmptyState>
      ) : (
        <p>
          <label htmlFor={selectId}>{t.stage.backstageFor}</label>{' '}
          <select id={selectId} value={sessionId ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {sessions.map((s) => (
              <option key={s.id} value={s.id} lang={event.defaultLocale}>
                {s.title}
              </option>
            ))}
          </select>
        </p>
      )}
      <div className="stage-layout">
        <div>
          <Suspense fallback={<VideoLoading label={t.stage.backstageRoom} />}>
            <BackstageRoom slug={event.slug} stageId={stageId} sessionId={sessionId} />
          </Suspense>
          <MessageLine stageId={stageId} />
        </div>
        {sessionId && session ? (
          <div className="stage-main">
            <h2>{t.stage.preview}</h2>
            <StageVideo slug={event.slug} sessionId={sessionId} streamUrl={session.streamUrl} />
            <RecordingControl slug={event.slug} sessionId={sessionId} timeZone={event.timeZone} />
            <ApprovedQuestions sessionId={sessionId} />
          </div>
        ) : null}
      </div>
    </>
  );
}

function ApprovedQuestions({ sessionId }: { sessionId: string }) {
  const t = useT();
  const { state } = useSessionQa(sessionId);
  const approved = state.questions
    .filter((q) => q.state === 'approved')
    .sort((a, b) => b.votes - a.votes);
  return (
    <section aria-label={t.stage.approvedQuestions}>
      <h2>{t.stage.approvedQuestions}</h2>
      {approved.length === 0 ? <p>{t.stage.qa.empty}</p> : null}
      <ol>
        {approved.map((q) => (
          <li key={q.id} className={q.onScreen ? 'qa-on-screen' : undefined}>
            {q.body} ({t.stage.qa.votes(q.votes)}
            {q.onScreen ? ` · ${t.stage.qa.onScreen}` : ''})
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The moderators' message line to the speakers, live for everyone backstage. */
function MessageLine({ stageId }: { stageId: string }) {
  const t = useT();
  const fieldId = useId();
  const [lines, setLines] = useState<BackstageLine[]>([]);
  const [canMessage, setCanMessage] = useState(false);
  const [body, setBody] = useState('');
  useEffect(() => {
    const socket = liveSocket();
    const join = () => {
      liveCall('backstage:join', { stageId }).then(
        (joined) => setCanMessage(joined.canMessage),
        () => setCanMessage(false),
      );
    };
    const onLine = (line: BackstageLine) => {
      if (line.stageId === stageId) setLines((current) => [line, ...current].slice(0, 20));
    };
    // A moderator who lost the role stops sending; the server refuses it anyway.
    const onAccess = (change: RoomAccessChanged) => {
      if (change.room === `backstage:${stageId}`) setCanMessage(change.canModerate);
    };
    socket.on('backstage:message', onLine);
    socket.on('room:access-changed', onAccess);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      socket.off('backstage:message', onLine);
      socket.off('room:access-changed', onAccess);
      socket.off('connect', join);
    };
  }, [stageId]);
  const send = (e: FormEvent) => {
    e.preventDefault();
    void liveCall('backstage:message', { stageId, body }).then(() => setBody(''));
  };
  return (
    <section aria-label={t.stage.messageLine}>
      <h2>{t.stage.messageLine}</h2>
      {canMessage ? (
        <form onSubmit={send}>
          <label htmlFor={fieldId}>{t.stage.messageLine}</label>{' '}
          <input
            id={fieldId}
            value={body}
            maxLength={280}
            onChange={(e) => setBody(e.target.value)}
          />{' '}
          <button type="submit" disabled={!body.trim()}>
            {t.stage.sendLine}
          </button>
        </form>
      ) : null}
      {lines.length === 0 ? <p>{t.stage.noLines}</p> : null}
      <ul aria-live="assertive">
        {lines.map((line) => (
          <li key={`${line.at}-${line.author.id}`}>
            <strong>{line.body}</strong> ({line.author.displayName})
          </li>
        ))}
      </ul>
    </section>
  );
}
