import type { VideoToken } from '@plenum/contracts';
import { ConnectionQuality, DisconnectReason, Room, RoomEvent, Track } from 'livekit-client';
import type {
  Participant,
  RemoteTrack,
  TextStreamReader,
  TranscriptionSegment,
} from 'livekit-client';
import { useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/api-error';
import { useT } from '../i18n/i18n';
import { CaptionBar } from './caption-bar';
import { captionLabels, expireCaptions, mergeCaptions } from './captions';
import type { CaptionLine, CaptionSegment } from './captions';
import { canRetry, initialStageConnection, stageConnection } from './stage-connection';
import type { StageFailure } from './stage-connection';
import { arrangeStage } from './stage-layout';

interface StageTrack {
  key: string;
  track: RemoteTrack;
  name: string;
  identity: string;
  screen: boolean;
}

const qualityNames: Record<ConnectionQuality, 'excellent' | 'good' | 'poor' | 'lost' | 'unknown'> =
  {
    [ConnectionQuality.Excellent]: 'excellent',
    [ConnectionQuality.Good]: 'good',
    [ConnectionQuality.Poor]: 'poor',
    [ConnectionQuality.Lost]: 'lost',
    [ConnectionQuality.Unknown]: 'unknown',
  };

/** LiveKit agents publish transcriptions as text streams on this topic (one per segment). */
const transcriptionTopic = 'lk.transcription';

/** Disconnects that are the room's doing, not the network's: the stage was closed to this person. */
const endedReasons = new Set<DisconnectReason | undefined>([
  DisconnectReason.DUPLICATE_IDENTITY,
  DisconnectReason.PARTICIPANT_REMOVED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.ROOM_CLOSED,
]);

function failureOf(err: unknown): StageFailure {
  if (err instanceof ApiError) {
    if (err.code === 'VIDEO_NOT_CONFIGURED') return 'not-configured';
    if (err.status === 403 || err.status === 404) return 'denied';
  }
  return 'unreachable';
}

/**
 * The live speakers over LiveKit: a shared screen large, the active speaker first, captions
 * where a transcriber sends them, and the connection's state always in words (never a blank
 * box): connecting, reconnecting, or why it could not connect, with a retry where one helps.
 */
export function LiveKitStage({ slug, sessionId }: { slug: string; sessionId: string }) {
  const t = useT();
  const [connection, dispatch] = useReducer(stageConnection, initialStageConnection);
  const { attempt } = connection;
  const [tracks, setTracks] = useState<StageTrack[]>([]);
  const [speakers, setSpeakers] = useState<string[]>([]);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [quality, setQuality] = useState<ConnectionQuality>(ConnectionQuality.Unknown);
  const [captions, setCaptions] = useState<CaptionLine[]>([]);
  const [captionsAvailable, setCaptionsAvailable] = useState(false);
  const [captionsShown, setCaptionsShown] = useState(true);
  const roomRef = useRef<Room | null>(null);
  const audioRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const room = new Room({ adaptiveStream: true, dynacast: true });
    roomRef.current = room;
    // A transcriber agent sends the text itself; the track it names tells whose speech it is.
    const speakerOf = (identity: string, trackSid: string | undefined) => {
      const participants = [...room.remoteParticipants.values()];
      const participant =
        (trackSid && participants.find((p) => p.trackPublications.has(trackSid))) ||
        room.getParticipantByIdentity(identity);
      return participant
        ? { speakerId: participant.identity, speaker: participant.name || participant.identity }
        : { speakerId: identity, speaker: identity };
    };
    const addCaptions = (segments: CaptionSegment[]) => {
      if (cancelled || segments.length === 0) return;
      setCaptionsAvailable(true);
      setCaptions((lines) => mergeCaptions(lines, segments, Date.now()));
    };
    const refresh = () => {
      const next: StageTrack[] = [];
      for (const participant of room.remoteParticipants.values()) {
        for (const publication of participant.trackPublications.values()) {
          const track = publication.track;
          if (!track || track.kind !== Track.Kind.Video) continue;
          next.push({
            key: `${participant.identity}:${publication.trackSid}`,
            track,
            name: participant.name || participant.identity,
            identity: participant.identity,
            screen: publication.source === Track.Source.ScreenShare,
          });
        }
      }
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
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.ParticipantDisconnected, refresh)
      .on(RoomEvent.ActiveSpeakersChanged, (active: Participant[]) =>
        setSpeakers(active.map((p) => p.identity)),
      )
      .on(RoomEvent.AudioPlaybackStatusChanged, () => setAudioBlocked(!room.canPlaybackAudio))
      .on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, p: Participant) => {
        if (p.isLocal) setQuality(q);
      })
      .on(RoomEvent.Reconnecting, () => dispatch({ type: 'reconnecting', attempt }))
      .on(RoomEvent.SignalReconnecting, () => dispatch({ type: 'reconnecting', attempt }))
      .on(RoomEvent.Reconnected, () => dispatch({ type: 'reconnected', attempt }))
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (cancelled) return;
        setTracks([]);
        dispatch({
          type: 'disconnected',
          attempt,
          reason: endedReasons.has(reason) ? 'ended' : 'lost',
        });
      })
      .on(
        RoomEvent.TranscriptionReceived,
        (segments: TranscriptionSegment[], participant?: Participant) => {
          const identity = participant?.identity ?? '';
          addCaptions(
            segments.map((s) => ({
              id: s.id,
              text: s.text,
              final: s.final,
              speakerId: identity,
              speaker: participant ? participant.name || identity : '',
            })),
          );
        },
      );
    room.registerTextStreamHandler(transcriptionTopic, (reader, { identity }) => {
      void readTranscription(reader, identity, speakerOf, addCaptions);
    });
    void (async () => {
      try {
        const token = await api.post<VideoToken>(
          `/api/events/${encodeURIComponent(slug)}/video/token`,
          { room: { kind: 'stage', sessionId } },
        );
        if (cancelled) return;
        await room.connect(token.url, token.token);
        if (cancelled) return;
        dispatch({ type: 'connected', attempt });
        setAudioBlocked(!room.canPlaybackAudio);
        refresh();
      } catch (err) {
        if (!cancelled) dispatch({ type: 'failed', attempt, reason: failureOf(err) });
      }
    })();
    return () => {
      cancelled = true;
      room.unregisterTextStreamHandler(transcriptionTopic);
      void room.disconnect();
      roomRef.current = null;
    };
  }, [slug, sessionId, attempt]);

  useEffect(() => {
    if (captions.length === 0) return;
    const timer = setInterval(
      () => setCaptions((lines) => expireCaptions(lines, Date.now())),
      1_000,
    );
    return () => clearInterval(timer);
  }, [captions.length]);

  const { main, others } = arrangeStage(tracks, speakers);
  const speaking = new Set(speakers);
  const showing = connection.phase === 'live' || connection.phase === 'reconnecting';
  const tile = (item: StageTrack, large: boolean) => (
    <figure
      key={item.key}
      className={[
        'stage-track',
        large ? 'stage-track-main' : '',
        speaking.has(item.identity) ? 'stage-track-speaking' : '',
      ].join(' ')}
    >
      <TrackVideo track={item.track} label={item.name} />
      <figcaption>
        {speaking.has(item.identity) ? t.stage.speaking(item.name) : item.name}
      </figcaption>
    </figure>
  );

  return (
    <section
      className="stage-video"
      aria-label={t.stage.video}
      aria-busy={connection.phase === 'connecting'}
    >
      <div className="stage-screen">
        {showing && tracks.length > 0 ? (
          <div className="stage-tracks">
            {main ? tile(main, true) : null}
            {others.map((item) => tile(item, false))}
          </div>
        ) : null}
        {connection.phase === 'connecting' ? (
          <p className="stage-status" role="status">
            {t.stage.connecting}
          </p>
        ) : null}
        {connection.phase === 'reconnecting' ? (
          <p className="stage-status" role="status">
            {t.stage.reconnecting}
          </p>
        ) : null}
        {connection.phase === 'live' && tracks.length === 0 ? (
          <p className="stage-status">{t.stage.noSpeakers}</p>
        ) : null}
        {connection.phase === 'failed' ? (
          <div className="stage-status" role="alert">
            <p>{t.stage.failures[connection.reason]}</p>
            {canRetry(connection.reason) ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => dispatch({ type: 'retry' })}
              >
                {t.stage.reconnect}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <CaptionBar
        available={captionsAvailable && showing}
        lines={captionLabels(captions)}
        shown={captionsShown}
        onToggle={() => setCaptionsShown((shown) => !shown)}
      />
      {audioBlocked && showing ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void roomRef.current?.startAudio()}
        >
          {t.stage.enableAudio}
        </button>
      ) : null}
      <div ref={audioRef} hidden />
      {showing ? (
        <p className="stage-quality">{t.stage.quality(t.stage.qualities[qualityNames[quality]])}</p>
      ) : null}
    </section>
  );
}

/** A transcription text stream: its chunks add up to the segment, final when the stream ends. */
async function readTranscription(
  reader: TextStreamReader,
  identity: string,
  speakerOf: (
    identity: string,
    trackSid: string | undefined,
  ) => Pick<CaptionSegment, 'speakerId' | 'speaker'>,
  addCaptions: (segments: CaptionSegment[]) => void,
): Promise<void> {
  const attributes = reader.info.attributes ?? {};
  const base = {
    id: attributes['lk.segment_id'] ?? reader.info.id,
    ...speakerOf(identity, attributes['lk.transcribed_track_id']),
  };
  let text = '';
  try {
    for await (const chunk of reader) {
      text += chunk;
      addCaptions([{ ...base, text, final: false }]);
    }
  } finally {
    addCaptions([{ ...base, text, final: true }]);
  }
}

function TrackVideo({ track, label }: { track: RemoteTrack; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return <video ref={ref} autoPlay playsInline muted aria-label={label} />;
}
