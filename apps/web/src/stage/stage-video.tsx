import type { VideoToken } from '@plenum/contracts';
import Hls from 'hls.js';
import { ConnectionQuality, Room, RoomEvent, Track } from 'livekit-client';
import type { Participant, RemoteTrack } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/api-error';
import { useT } from '../i18n/i18n';

interface StageTrack {
  key: string;
  track: RemoteTrack;
  name: string;
  identity: string;
  screen: boolean;
}

type Mode =
  | { kind: 'connecting' }
  | { kind: 'livekit' }
  | { kind: 'stream'; url: string }
  | { kind: 'failed' };

const qualityNames: Record<ConnectionQuality, 'excellent' | 'good' | 'poor' | 'lost' | 'unknown'> =
  {
    [ConnectionQuality.Excellent]: 'excellent',
    [ConnectionQuality.Good]: 'good',
    [ConnectionQuality.Poor]: 'poor',
    [ConnectionQuality.Lost]: 'lost',
    [ConnectionQuality.Unknown]: 'unknown',
  };

/**
 * The stage: the live speakers over LiveKit (screen share large, the active speaker marked),
 * or the session's external stream when it has one or LiveKit is not configured.
 */
export function StageVideo({
  slug,
  sessionId,
  streamUrl,
}: {
  slug: string;
  sessionId: string;
  streamUrl: string | null;
}) {
  const t = useT();
  const [mode, setMode] = useState<Mode>(
    streamUrl ? { kind: 'stream', url: streamUrl } : { kind: 'connecting' },
  );
  const [tracks, setTracks] = useState<StageTrack[]>([]);
  const [speaking, setSpeaking] = useState<ReadonlySet<string>>(new Set());
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [reconnecting, setReconnecting] = useState(false);
  const [quality, setQuality] = useState<ConnectionQuality>(ConnectionQuality.Unknown);
  const roomRef = useRef<Room | null>(null);
  const audioRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (streamUrl) return;
    let cancelled = false;
    const room = new Room({ adaptiveStream: true, dynacast: true });
    roomRef.current = room;
    const refresh = () => {
      const next: StageTrack[] = [];
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.trackPublications.values()) {
          const track = publication.track;
          if (!track || track.kind !== Track.Kind.Video) continue;
          next.push({
            key: `${participant.identity}:${publication.trackSid}`,
            track,
            name: participant.name ?? participant.identity,
            identity: participant.identity,
            screen: publication.source === Track.Source.ScreenShare,
          });
        }
      }
      // A shared screen is what the audience needs to read: it goes first, shown large.
      next.sort((a, b) => Number(b.screen) - Number(a.screen));
      setTracks(next);
    };
    room
      .on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
        if (track.kind === Track.Kind.Audio) audioRef.current?.append(track.attach());
        refresh();
      })
      .on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => {
        track.detach().forEach((element) => element.remove());
        refresh();
      })
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.ActiveSpeakersChanged, (speakers: Participant[]) =>
        setSpeaking(new Set(speakers.map((s) => s.identity))),
      )
      .on(RoomEvent.AudioPlaybackStatusChanged, () => setAudioBlocked(!room.canPlaybackAudio))
      .on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, p: Participant) => {
        if (p.isLocal) setQuality(q);
      })
      .on(RoomEvent.Reconnecting, () => setReconnecting(true))
      .on(RoomEvent.Reconnected, () => setReconnecting(false));
    void (async () => {
      try {
        const token = await api.post<VideoToken>(
          `/api/events/${encodeURIComponent(slug)}/video/token`,
          { room: { kind: 'stage', sessionId } },
        );
        if (cancelled) return;
        await room.connect(token.url, token.token);
        if (cancelled) return;
        setMode({ kind: 'livekit' });
        setAudioBlocked(!room.canPlaybackAudio);
        refresh();
      } catch (err) {
        if (cancelled) return;
        setMode(
          err instanceof ApiError && err.code === 'VIDEO_NOT_CONFIGURED' && streamUrl
            ? { kind: 'stream', url: streamUrl }
            : { kind: 'failed' },
        );
      }
    })();
    return () => {
      cancelled = true;
      void room.disconnect();
      roomRef.current = null;
    };
  }, [slug, sessionId, streamUrl]);

  if (mode.kind === 'stream') return <StreamPlayer url={mode.url} />;
  return (
    <section className="stage-video" aria-label={t.stage.video}>
      {mode.kind === 'connecting' ? <p>{t.stage.connecting}</p> : null}
      {mode.kind === 'failed' ? <p role="status">{t.stage.videoFailed}</p> : null}
      {reconnecting ? <p role="status">{t.stage.reconnecting}</p> : null}
      {audioBlocked ? (
        <button type="button" onClick={() => void roomRef.current?.startAudio()}>
          {t.stage.enableAudio}
        </button>
      ) : null}
      {mode.kind === 'livekit' && tracks.length === 0 ? <p>{t.stage.noSpeakers}</p> : null}
      <div className="stage-tracks">
        {tracks.map((item, index) => (
          <figure
            key={item.key}
            className={[
              'stage-track',
              index === 0 && item.screen ? 'stage-track-main' : '',
              speaking.has(item.identity) ? 'stage-track-speaking' : '',
            ].join(' ')}
          >
            <TrackVideo track={item.track} />
            <figcaption>
              {speaking.has(item.identity) ? t.stage.speaking(item.name) : item.name}
            </figcaption>
          </figure>
        ))}
      </div>
      <div ref={audioRef} hidden />
      {mode.kind === 'livekit' ? (
        <p className="stage-quality">{t.stage.quality(t.stage.qualities[qualityNames[quality]])}</p>
      ) : null}
    </section>
  );
}

function TrackVideo({ track }: { track: RemoteTrack }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return <video ref={ref} autoPlay playsInline muted />;
}

/** An HLS stream: native where the browser plays HLS (Safari), hls.js elsewhere. */
function StreamPlayer({ url }: { url: string }) {
  const t = useT();
  const ref = useRef<HTMLVideoElement>(null);
  const hlsLike = /\.m3u8(\?|$)/i.test(url);
  useEffect(() => {
    const video = ref.current;
    if (!video || !hlsLike) return;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url;
      return;
    }
    if (!Hls.isSupported()) return;
    const hls = new Hls({ lowLatencyMode: true });
    hls.loadSource(url);
    hls.attachMedia(video);
    return () => hls.destroy();
  }, [url, hlsLike]);
  return (
    <section className="stage-video" aria-label={t.stage.streamTitle}>
      {hlsLike ? (
        <video ref={ref} controls playsInline className="stage-stream" />
      ) : (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t.stage.streamTitle}
          </a>
        </p>
      )}
    </section>
  );
}
