import '../stage/stage.css';
import { useT } from '../i18n/i18n';

/**
 * Stands where a video player is about to be, in its shape, saying that it is loading: the
 * players (livekit-client, hls.js) are loaded only when a page shows one.
 */
export function VideoLoading({ label }: { label: string }) {
  const t = useT();
  return (
    <section className="stage-video" aria-label={label} aria-busy="true">
      <div className="stage-screen">
        <p className="stage-status" role="status">
          {t.stage.playerLoading}
        </p>
      </div>
    </section>
  );
}
