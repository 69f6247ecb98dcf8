import type { RecordingView } from '@plenum/contracts';
import Hls from 'hls.js';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n';

/**
 * Plays a session's replay: a video file (the api serves it in ranges, so seeking works), an HLS
 * playlist (natively in Safari, through hls.js elsewhere) or a YouTube/Vimeo player in a frame.
 */
export function ReplayPlayer({ replay, title }: { replay: RecordingView; title: string }) {
  const t = useT();
  const ref = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const url = replay.playbackUrl;

  useEffect(() => {
    setFailed(false);
    const video = ref.current;
    if (!video || !url || replay.media !== 'hls') return;
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = url;
      return;
    }
    if (!Hls.isSupported()) {
      setFailed(true);
      return;
    }
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) setFailed(true);
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    return () => hls.destroy();
  }, [url, replay.media]);

  if (!url) return null;
  const label = t.ondemand.session.playerLabel(title);
  return (
    <figure className="replay">
      {replay.media === 'embed' ? (
        <iframe
          className="replay-frame"
          src={url}
          title={label}
          allow="fullscreen; picture-in-picture; encrypted-media"
          referrerPolicy="strict-origin-when-cross-origin"
          loading="lazy"
        />
      ) : (
        <video
          ref={ref}
          className="replay-video"
          controls
          playsInline
          preload="metadata"
          aria-label={label}
          src={replay.media === 'file' ? url : undefined}
          onError={() => setFailed(true)}
        />
      )}
      {failed ? (
        <figcaption className="notice notice-error" role="status">
          <p>{t.ondemand.session.playerError}</p>
          <p>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t.ondemand.session.openReplay}
            </a>
          </p>
        </figcaption>
      ) : null}
    </figure>
  );
}
