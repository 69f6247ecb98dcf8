import { Suspense, lazy } from 'react';
import { VideoLoading } from '../components/video-loading';
import { useT } from '../i18n/i18n';

// livekit-client and hls.js are most of the app's weight and only the video needs them: each
// player is its own chunk, loaded when a page shows it, and never both for one session.
const LiveKitStage = lazy(() =>
  import('./livekit-stage').then((module) => ({ default: module.LiveKitStage })),
);
const StreamPlayer = lazy(() =>
  import('./stream-player').then((module) => ({ default: module.StreamPlayer })),
);

/**
 * The stage: the live speakers over LiveKit, or the session's external stream when it has one
 * (the stream serves audiences beyond what a LiveKit room holds, and works without LiveKit).
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
  return (
    <Suspense fallback={<VideoLoading label={streamUrl ? t.stage.streamTitle : t.stage.video} />}>
      {streamUrl ? (
        <StreamPlayer url={streamUrl} />
      ) : (
        <LiveKitStage slug={slug} sessionId={sessionId} />
      )}
    </Suspense>
  );
}
