import '../stage/stage.css';
import type { BackstageLine, LiveSpeakerView, VideoToken } from '@plenum/contracts';
import { Room, RoomEvent, Track } from 'livekit-client';
import type { LocalVideoTrack } from 'livekit-client';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { liveCall, liveSocket } from '../chat/live-connection';
import { useDocumentTitle } from '../components/document-title';
import { EmptyState, ErrorNotice, Skeleton } from '../components/status-blocks';
import { useT } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';
import { useProgramme } from '../programme/programme-data';
import { StageVideo } from '../stage/stage-video';
import { useSessionQa } from '../stage/use-session-qa';
import { RecordingControl } from '../ondemand/recording-control';

interface Person {
  identity: string;
  name: string;
}

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
          <BackstageRoom slug={event.slug} stageId={stageId} sessionId={sessionId} />
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

function BackstageRoom({
  slug,
  stageId,
  sessionId,
}: {
  slug: string;
  stageId: string;
  sessionId: string | null;
}) {
  const t = useT();
  const [room] = useState(() => new Room());
  const [token, setToken] = useState<VideoToken | null>(null);
  const [failed, setFailed] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  const [publishing, setPublishing] = useState(false);
  const [preview, setPreview] = useState<LocalVideoTrack | null>(null);
  const base = `/api/events/${encodeURIComponent(slug)}`;
  const livePath = sessionId ? `${base}/sessions/${sessionId}/stage/live` : null;

  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      setPeople(
        [...room.remoteParticipants.values()].map((p) => ({
          identity: p.identity,
          name: p.name ?? p.identity,
        })),
      );
    room
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.LocalTrackPublished, (publication) => {
        if (publication.source === Track.Source.Camera) {
          setPreview(publication.videoTrack ?? null);
        }
      })
      .on(RoomEvent.LocalTrackUnpublished, (publication) => {
        if (publication.source === Track.Source.Camera) setPreview(null);
      });
    void (async () => {
      try {
        const minted = await api.post<VideoToken>(`${base}/video/token`, {
          room: { kind: 'backstage', stageId },
        });
        if (cancelled) return;
        setToken(minted);
        await room.connect(minted.url, minted.token);
        refresh();
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      void room.disconnect();
    };
  }, [room, base, stageId]);

  const toggleMedia = useCallback(async () => {
    const next = !publishing;
    await room.localParticipant.setCameraEnabled(next);
    await room.localParticipant.setMicrophoneEnabled(next);
    setPublishing(next);
  }, [room, publishing]);

  return (
    <section className="backstage" aria-label={t.stage.backstageRoom}>
      <h2>{t.stage.backstageRoom}</h2>
      {failed ? <p role="status">{t.stage.videoFailed}</p> : null}
      {token ? (
        <>
          <h3>{t.stage.selfCheck}</h3>
          {preview ? <LocalPreview track={preview} /> : null}
          <button type="button" onClick={() => void toggleMedia()}>
            {publishing ? t.stage.cameraOff : t.stage.cameraOn}
          </button>
        </>
      ) : null}
      {livePath ? (
        <StageLineup livePath={livePath} people={people} roomAdmin={token?.roomAdmin ?? false} />
      ) : null}
    </section>
  );
}

/** Who waits backstage and who is live; moderators move people between the two. */
function StageLineup({
  livePath,
  people,
  roomAdmin,
}: {
  livePath: string;
  people: Person[];
  roomAdmin: boolean;
}) {
  const t = useT();
  const { resource, reload } = useResource<LiveSpeakerView[]>(livePath);
  const liveList = resource.status === 'ready' ? resource.data : [];
  const takeLive = async (userId: string) => {
    await api.post(livePath, { userId });
    reload();
  };
  const takeOff = async (userId: string) => {
    await api.delete(`${livePath}/${userId}`);
    reload();
  };
  return (
    <>
      <h3>{t.stage.people}</h3>
      {people.length === 0 ? <p>{t.stage.nobodyBackstage}</p> : null}
      <ul>
        {people.map((p) => (
          <li key={p.identity}>
            {p.name}{' '}
            {roomAdmin && !liveList.some((s) => s.userId === p.identity) ? (
              <button type="button" onClick={() => void takeLive(p.identity)}>
                {t.stage.takeLive(p.name)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <h3>{t.stage.liveNow}</h3>
      {liveList.length === 0 ? <p>{t.stage.nobodyLive}</p> : null}
      <ul>
        {liveList.map((s) => (
          <li key={s.userId}>
            {s.displayName}{' '}
            {roomAdmin ? (
              <button type="button" onClick={() => void takeOff(s.userId)}>
                {t.stage.takeOff(s.displayName)}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function LocalPreview({ track }: { track: LocalVideoTrack }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return <video ref={ref} autoPlay playsInline muted className="backstage-preview" />;
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
    socket.on('backstage:message', onLine);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      socket.off('backstage:message', onLine);
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
