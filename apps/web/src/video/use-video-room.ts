import type { VideoRoom, VideoToken } from '@plenum/contracts';
import { Room, RoomEvent } from 'livekit-client';
import type { Participant } from 'livekit-client';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client';

export type VideoRoomStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** No token (`notConfigured` when the server has no LiveKit), or the media server is away. */
  | { kind: 'failed'; notConfigured: boolean }
  /** The connection dropped after it had been made. */
  | { kind: 'lost' };

export interface VideoRoomControls {
  status: VideoRoomStatus;
  room: Room | null;
  /** The local person first, then everyone else in the room. */
  participants: Participant[];
  /** Camera or microphone could not be started (no device, or permission refused). */
  mediaFailed: boolean;
  /** Someone else had been in the room and nobody else is there now. */
  othersLeft: boolean;
}

const membershipEvents = [
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  RoomEvent.LocalTrackPublished,
  RoomEvent.LocalTrackUnpublished,
  RoomEvent.TrackMuted,
  RoomEvent.TrackUnmuted,
] as const;

/**
 * Joins one Plenum video room with a token from the api (whose grants follow from the person's
 * roles) and publishes camera and microphone. `attempt` changes to try again; leaving the
 * component disconnects.
 */
export function useVideoRoom(slug: string, target: VideoRoom, attempt = 0): VideoRoomControls {
  const [status, setStatus] = useState<VideoRoomStatus>({ kind: 'connecting' });
  const [room, setRoom] = useState<Room | null>(null);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [mediaFailed, setMediaFailed] = useState(false);
  const [othersLeft, setOthersLeft] = useState(false);
  const targetKey = JSON.stringify(target);

  useEffect(() => {
    let cancelled = false;
    let hadOthers = false;
    const next = new Room({ adaptiveStream: true, dynacast: true });
    const update = () => {
      if (cancelled) return;
      const others = [...next.remoteParticipants.values()];
      if (others.length > 0) hadOthers = true;
      setOthersLeft(hadOthers && others.length === 0);
      setParticipants([next.localParticipant, ...others]);
    };
    for (const e of membershipEvents) next.on(e, update);
    next.on(RoomEvent.Disconnected, () => {
      if (!cancelled) setStatus({ kind: 'lost' });
    });
    setStatus({ kind: 'connecting' });
    setMediaFailed(false);
    setOthersLeft(false);
    setParticipants([]);
    void (async () => {
      try {
        const token = await api.post<VideoToken>(
          `/api/events/${encodeURIComponent(slug)}/video/token`,
          { room: JSON.parse(targetKey) as VideoRoom },
        );
        if (cancelled) return;
        await next.connect(token.url, token.token);
        if (cancelled) return;
        setRoom(next);
        setStatus({ kind: 'connected' });
        update();
      } catch (error) {
        if (cancelled) return;
        setStatus({
          kind: 'failed',
          notConfigured: error instanceof ApiError && error.code === 'VIDEO_NOT_CONFIGURED',
        });
        return;
      }
      try {
        await next.localParticipant.enableCameraAndMicrophone();
      } catch {
        if (!cancelled) setMediaFailed(true);
      }
      update();
    })();
    return () => {
      cancelled = true;
      setRoom(null);
      void next.disconnect();
    };
  }, [slug, targetKey, attempt]);

  return { status, room, participants, mediaFailed, othersLeft };
}
