import Hls from 'hls.js';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { CaptionBar } from './caption-bar';

type StreamState = 'loading' | 'playing' | 'paused' | 'buffering' | 'blocked' | 'ended' | 'error';

const isSubtitles = (track: TextTrack) => track.kind === 'subtitles' || track.kind === 'captions';

/** The words of the cues on screen now, without WebVTT markup such as voice tags. */
function activeCueText(track: TextTrack): string[] {
  return Array.from(track.activeCues ?? []).flatMap((cue) => {
    const text =
      cue instanceof VTTCue ? (cue.getCueAsHTML().textContent ?? '') : (cue as VTTCue).text;
    return text.trim() ? [text.trim()] : [];
  });
}

/**
 * A session's external stream: HLS played by hls.js, natively where the browser has no MSE; its subtitle track, when the stream has one, as a caption line; and its state in
 * words: loading, playing, buffering, ended, or why it cannot play, with a retry.
 */
export function StreamPlayer({ url }: { url: string }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLVideoElement>(null);
  const hlsLike = /\.m3u8(\?|$)/i.test(url);
  const [state, setState] = useState<StreamState>('loading');
  const [attempt, setAttempt] = useState(0);
  const [hasSubtitles, setHasSubtitles] = useState(false);
  const [cues, setCues] = useState<string[]>([]);
  const [captionsShown, setCaptionsShown] = useState(true);
  const [muted, setMuted] = useState(false);
  // The language picks the subtitle track once; switching it must not restart the stream.
  const localeRef = useRef(locale);
  localeRef.current = locale;

  useEffect(() => {
    const video = ref.current;
    if (!video || !hlsLike) return;
    let stopped = false;
    setState('loading');
    setHasSubtitles(false);
    setCues([]);
    const play = async () => {
      try {
        await video.play();
      } catch (err) {
        if (stopped || !(err instanceof DOMException) || err.name !== 'NotAllowedError') return;
        // Browsers let a muted video start by itself; the sound is one click away.
        video.muted = true;
        setMuted(true);
        await video.play().catch(() => {
          if (!stopped) setState('blocked');
        });
      }
    };
    const onMedia = (event: Event) => {
      if (stopped) return;
      switch (event.type) {
        case 'playing':
          return setState('playing');
        case 'waiting':
          return setState((s) => (s === 'loading' ? s : 'buffering'));
        case 'pause':
          return setState((s) => (s === 'ended' || s === 'error' ? s : 'paused'));
        case 'ended':
          return setState('ended');
        case 'error':
          return setState('error');
        case 'volumechange':
          return setMuted(video.muted);
      }
    };
    const mediaEvents = ['playing', 'waiting', 'pause', 'ended', 'error', 'volumechange'];
    for (const name of mediaEvents) video.addEventListener(name, onMedia);

    // Captions come from the stream's subtitle track, read through the text track API, so the
    // line looks and reads the same with hls.js and with native HLS.
    let watched: TextTrack | null = null;
    const onCueChange = () => {
      if (watched) setCues(activeCueText(watched));
    };
    const watchSubtitles = () => {
      const tracks = Array.from(video.textTracks).filter(isSubtitles);
      if (tracks.length === 0) return;
      setHasSubtitles(true);
      const chosen =
        tracks.find((tr) => tr.mode !== 'disabled') ??
        tracks.find((tr) => tr.language.split('-')[0] === localeRef.current) ??
        tracks[0]!;
      // "hidden" keeps the cues coming without the browser drawing them over the picture.
      if (chosen.mode !== 'hidden') chosen.mode = 'hidden';
      if (watched === chosen) return;
      watched?.removeEventListener('cuechange', onCueChange);
      watched = chosen;
      chosen.addEventListener('cuechange', onCueChange);
      onCueChange();
    };
    video.textTracks.addEventListener('addtrack', watchSubtitles);
    video.textTracks.addEventListener('change', watchSubtitles);

    // hls.js wherever Media Source Extensions exist: the players built into browsers differ in
    // what they play (Chromium's own HLS, new in 2026, fails on streams hls.js plays) and in
    // how they expose subtitles. Native HLS is the fallback, for iPhones without MSE.
    let hls: Hls | null = null;
    if (Hls.isSupported()) {
      hls = new Hls({ lowLatencyMode: true, renderTextTracksNatively: true });
      hls.on(Hls.Events.MANIFEST_PARSED, () => void play());
      hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
        if (!hls || data.subtitleTracks.length === 0) return;
        const preferred = data.subtitleTracks.findIndex(
          (s) => s.lang?.split('-')[0] === localeRef.current,
        );
        hls.subtitleDisplay = false;
        hls.subtitleTrack = preferred === -1 ? 0 : preferred;
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal && !stopped) {
          setState('error');
          hls?.destroy();
          hls = null;
        }
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url;
      void play();
    } else {
      setState('error');
    }
    return () => {
      stopped = true;
      for (const name of mediaEvents) video.removeEventListener(name, onMedia);
      video.textTracks.removeEventListener('addtrack', watchSubtitles);
      video.textTracks.removeEventListener('change', watchSubtitles);
      watched?.removeEventListener('cuechange', onCueChange);
      hls?.destroy();
      video.removeAttribute('src');
      video.load();
    };
  }, [url, hlsLike, attempt]);

  if (!hlsLike) {
    return (
      <section className="stage-video" aria-label={t.stage.streamTitle}>
        <p className="stage-status">
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t.stage.openStream}
          </a>
        </p>
      </section>
    );
  }
  const retry = () => {
    setMuted(false);
    setAttempt((n) => n + 1);
  };
  return (
    <section
      className="stage-video"
      aria-label={t.stage.streamTitle}
      aria-busy={state === 'loading'}
    >
      <div className="stage-screen">
        <video
          ref={ref}
          controls
          playsInline
          className="stage-stream"
          aria-label={t.stage.streamTitle}
        />
        {state === 'loading' || state === 'buffering' ? (
          <p className="stage-status stage-status-overlay" aria-hidden="true">
            {state === 'loading' ? t.stage.streamLoading : t.stage.streamBuffering}
          </p>
        ) : null}
        {state === 'blocked' ? (
          <div className="stage-status stage-status-overlay">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void ref.current?.play()}
            >
              {t.stage.streamPlay}
            </button>
          </div>
        ) : null}
        {state === 'error' ? (
          <div className="stage-status stage-status-overlay" role="alert">
            <p>{t.stage.streamFailed}</p>
            <button type="button" className="button button-primary" onClick={retry}>
              {t.app.retry}
            </button>
          </div>
        ) : null}
      </div>
      <CaptionBar
        available={hasSubtitles && state !== 'error'}
        lines={cues}
        shown={captionsShown}
        onToggle={() => setCaptionsShown((shown) => !shown)}
      />
      {muted && state === 'playing' ? (
        <button
          className="button button-quiet"

          type="button"
          onClick={() => {
            if (ref.current) ref.current.muted = false;
          }}
        >
          {t.stage.enableAudio}
        </button>
      ) : null}
      <p className="stage-quality" role="status">
        {state === 'error' ? null : t.stage.streamStates[state]}
      </p>
    </section>
  );
}
