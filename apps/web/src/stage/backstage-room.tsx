import type { LiveSpeakerView, VideoToken } from '@plenum/contracts';
import { Room, RoomEvent, Track } from 'livekit-client';
import type { LocalVideoTrack } from 'livekit-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { useT } from '../i18n/i18n';

interface Person {
  identity: string;
  name: string;
}

/** The backstage LiveKit room: camera and microphone check, who is there, taking people live. */
export function BackstageRoom({
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
