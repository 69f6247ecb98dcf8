import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ParticipantMedia } from '../video/participant-media';
import { useVideoRoom } from '../video/use-video-room';

/**
 * The "talk to us" call inside the booth page: the booth's LiveKit room, which the staff member
 * and the visitor they accepted both join. Hanging up ends the conversation through the api.
 */
export function BoothCall({
  slug,
  boothId,
  peerName,
  onHangUp,
  hangingUp,
}: {
  slug: string;
  boothId: string;
  /** Who is on the other side, when known (staff see the visitor's name). */
  peerName: string | null;
  onHangUp: () => void;
  hangingUp: boolean;
}) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const { status, room, participants, mediaFailed, othersLeft } = useVideoRoom(
    slug,
    { kind: 'booth', boothId },
    attempt,
  );
  const local = room?.localParticipant;
  const [toggling, setToggling] = useState(false);
  const toggle = async (run: () => Promise<unknown>) => {
    setToggling(true);
    try {
      await run();
    } catch {
      // The button keeps showing the device's real state, which is what matters here.
    } finally {
      setToggling(false);
    }
  };
  const micOn = local?.isMicrophoneEnabled ?? false;
  const cameraOn = local?.isCameraEnabled ?? false;
  const others = participants.filter((p) => p !== local);

  return (
    <section className="booth-call" aria-labelledby="booth-call-title">
      <h3 id="booth-call-title">
        {peerName ? t.expo.call.titleWith(peerName) : t.expo.call.title}
      </h3>
      <div aria-live="polite">
        {status.kind === 'connecting' ? <p>{t.expo.call.connecting}</p> : null}
        {status.kind === 'connected' && others.length === 0 && !othersLeft ? (
          <p>{t.expo.call.waitingForOther}</p>
        ) : null}
        {status.kind === 'connected' && othersLeft ? (
          <p className="notice">{t.expo.call.otherLeft}</p>
        ) : null}
      </div>
      {status.kind === 'failed' || status.kind === 'lost' ? (
        <div className="notice notice-error" role="alert">
          <p>
            {status.kind === 'lost'
              ? t.expo.call.lost
              : status.notConfigured
                ? t.expo.call.notConfigured
                : t.expo.call.cannotConnect}
          </p>
          {status.kind === 'failed' && status.notConfigured ? null : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setAttempt((n) => n + 1)}
            >
              {t.expo.call.retry}
            </button>
          )}
        </div>
      ) : null}
      {mediaFailed ? (
        <p className="notice notice-error" role="alert">
          {t.expo.call.mediaFailed}
        </p>
      ) : null}
      {participants.length > 0 ? (
        <ul className="video-grid">
          {participants.map((p) => {
            const isLocal = p === local;
            const name = p.name || p.identity;
            return (
              <li key={p.identity} className="video-tile">
                <ParticipantMedia participant={p} local={isLocal} label={name} />
                <p>
                  {isLocal ? t.expo.call.you : name}
                  {p.isMicrophoneEnabled ? null : (
                    <span className="badge">{t.expo.call.mutedBadge}</span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="actions booth-call-controls">
        {local ? (
          <>
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={!micOn}
              disabled={toggling}
              onClick={() => void toggle(() => local.setMicrophoneEnabled(!micOn))}
            >
              {micOn ? t.expo.call.mute : t.expo.call.unmute}
            </button>
            <button
              type="button"
              className="button button-secondary"
              aria-pressed={!cameraOn}
              disabled={toggling}
              onClick={() => void toggle(() => local.setCameraEnabled(!cameraOn))}
            >
              {cameraOn ? t.expo.call.cameraOff : t.expo.call.cameraOn}
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="button button-danger"
          disabled={hangingUp}
          onClick={onHangUp}
        >
          {t.expo.call.hangUp}
        </button>
      </div>
    </section>
  );
}
