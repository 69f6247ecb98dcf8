import type { VideoToken, WorkshopSpotlight } from '@plenum/contracts';
import { Room, RoomEvent } from 'livekit-client';
import type { Participant } from 'livekit-client';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { liveSocket } from '../chat/live-connection';
import { useI18n } from '../i18n/i18n';
import { ParticipantMedia } from '../video/participant-media';

/** One person's tile in the grid, with the hosts' controls. */
function ParticipantTile({
  participant,
  local,
  spotlighted,
  isHost,
  onMute,
  onRemove,
  onSpotlight,
}: {
  participant: Participant;
  local: boolean;
  spotlighted: boolean;
  isHost: boolean;
  onMute: () => void;
  onRemove: () => void;
  onSpotlight: () => void;
}) {
  const { t } = useI18n();
  const name = participant.name || participant.identity;
  return (
    <li className={spotlighted ? 'video-tile video-tile-spotlight' : 'video-tile'}>
      <ParticipantMedia participant={participant} local={local} label={name} />
      <p>
        {name} {local ? t.workshops.you : null}
        {spotlighted ? <span className="badge">{t.workshops.spotlighted}</span> : null}
      </p>
      {isHost ? (
        <div className="actions">
          <button type="button" onClick={onSpotlight}>
            {spotlighted ? t.workshops.unspotlight : t.workshops.spotlight}
          </button>
          {local ? null : (
            <>
              <button type="button" onClick={onMute}>
                {t.workshops.mute}
              </button>
              <button type="button" className="danger" onClick={onRemove}>
                {t.workshops.remove}
              </button>
            </>
          )}
        </div>
      ) : null}
    </li>
  );
}

/** The workshop's video grid: everyone admitted publishes camera and microphone. */
export function WorkshopVideo({
  slug,
  sessionId,
  isHost,
}: {
  slug: string;
  sessionId: string;
  isHost: boolean;
}) {
  const { t } = useI18n();
  const [room, setRoom] = useState<Room | null>(null);
  const [state, setState] = useState<'idle' | 'connecting' | 'failed'>('idle');
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [spotlight, setSpotlight] = useState<string | null>(null);
  const base = `/api/events/${encodeURIComponent(slug)}/workshops/${sessionId}/room`;

  useEffect(() => {
    const socket = liveSocket();
    const onSpotlight = (payload: WorkshopSpotlight) => {
      if (payload.sessionId === sessionId) setSpotlight(payload.userId);
    };
    socket.on('workshop:spotlight', onSpotlight);
    return () => {
      socket.off('workshop:spotlight', onSpotlight);
    };
  }, [sessionId]);

  const refreshParticipants = useCallback((current: Room) => {
    setParticipants([current.localParticipant, ...current.remoteParticipants.values()]);
  }, []);

  const join = async () => {
    setState('connecting');
    try {
      const token = await api.post<VideoToken>(
        `/api/events/${encodeURIComponent(slug)}/video/token`,
        { room: { kind: 'workshop', sessionId } },
      );
      const next = new Room({ adaptiveStream: true, dynacast: true });
      const update = () => refreshParticipants(next);
      for (const e of [
        RoomEvent.ParticipantConnected,
        RoomEvent.ParticipantDisconnected,
        RoomEvent.TrackSubscribed,
        RoomEvent.TrackUnsubscribed,
        RoomEvent.LocalTrackPublished,
        RoomEvent.LocalTrackUnpublished,
        RoomEvent.TrackMuted,
        RoomEvent.TrackUnmuted,
      ]) {
        next.on(e, update);
      }
      next.on(RoomEvent.Disconnected, () => {
        setRoom(null);
        setParticipants([]);
      });
      await next.connect(token.url, token.token);
      await next.localParticipant.enableCameraAndMicrophone();
      setRoom(next);
      update();
      setState('idle');
    } catch {
      setState('failed');
    }
  };

  useEffect(
    () => () => {
      void room?.disconnect();
    },
    [room],
  );

  const hostAction = (action: 'mute' | 'remove', userId: string) =>
    api.post(`${base}/${action}`, { userId }).catch(() => undefined);
  const toggleSpotlight = (userId: string) =>
    api
      .post(`${base}/spotlight`, { userId: spotlight === userId ? null : userId })
      .catch(() => undefined);

  return (
    <section aria-labelledby="workshop-video-heading">
      <h2 id="workshop-video-heading">{t.workshops.video}</h2>
      {room ? (
        <button type="button" onClick={() => void room.disconnect()}>
          {t.workshops.leaveVideo}
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={state === 'connecting'}
          onClick={() => void join()}
        >
          {state === 'connecting' ? t.workshops.connecting : t.workshops.joinVideo}
        </button>
      )}
      {state === 'failed' ? (
        <p className="notice notice-error" role="alert">
          {t.workshops.videoFailed}
        </p>
      ) : null}
      <ul className="video-grid">
        {participants.map((p) => (
          <ParticipantTile
            key={p.identity}
            participant={p}
            local={p === room?.localParticipant}
            spotlighted={spotlight === p.identity}
            isHost={isHost}
            onMute={() => void hostAction('mute', p.identity)}
            onRemove={() => void hostAction('remove', p.identity)}
            onSpotlight={() => void toggleSpotlight(p.identity)}
          />
        ))}
      </ul>
    </section>
  );
}
