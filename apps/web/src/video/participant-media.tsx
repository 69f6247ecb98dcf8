import { Track } from 'livekit-client';
import type { Participant } from 'livekit-client';
import { useEffect, useRef } from 'react';

/**
 * One person's camera and microphone, attached to elements LiveKit manages. The local person's
 * own microphone is never played back (it would echo); their camera shows as a preview.
 */
export function ParticipantMedia({
  participant,
  local,
  label,
}: {
  participant: Participant;
  local: boolean;
  label: string;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const camera = participant.getTrackPublication(Track.Source.Camera)?.track;
  const microphone = participant.getTrackPublication(Track.Source.Microphone)?.track;
  useEffect(() => {
    const element = videoRef.current;
    if (!camera || !element) return;
    camera.attach(element);
    return () => {
      camera.detach(element);
    };
  }, [camera]);
  useEffect(() => {
    const element = audioRef.current;
    if (local || !microphone || !element) return;
    microphone.attach(element);
    return () => {
      microphone.detach(element);
    };
  }, [microphone, local]);
  return (
    <>
      <video ref={videoRef} autoPlay playsInline muted={local} aria-label={label} />
      {local ? null : <audio ref={audioRef} autoPlay />}
    </>
  );
}
