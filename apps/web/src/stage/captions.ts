/** One piece of a transcription as LiveKit delivers it: updated in place until it is final. */
export interface CaptionSegment {
  id: string;
  text: string;
  final: boolean;
  /** Whose speech it is: the participant identity and their display name. */
  speakerId: string;
  speaker: string;
}

export interface CaptionLine extends CaptionSegment {
  key: string;
  firstAt: number;
  updatedAt: number;
}

export const captionLimits = {
  /** How long a finished line stays readable after its last update. */
  finalMs: 7_000,
  /** An unfinished line that stops changing (the transcriber went away) goes after this. */
  interimMs: 15_000,
  /** Lines shown at once: the running one and the one before it. */
  lines: 2,
};

/**
 * Folds new segments into the lines on screen: a segment seen before (same speaker, same id) is
 * updated where it stands, a new one goes at the end, empty ones are dropped, and what has
 * expired or scrolled past the line limit goes.
 */
export function mergeCaptions(
  lines: readonly CaptionLine[],
  incoming: readonly CaptionSegment[],
  now: number,
): CaptionLine[] {
  const next = [...lines];
  for (const segment of incoming) {
    const key = `${segment.speakerId}\u0000${segment.id}`;
    const text = segment.text.trim();
    const index = next.findIndex((line) => line.key === key);
    if (!text) {
      if (index !== -1) next.splice(index, 1);
      continue;
    }
    if (index === -1) {
      next.push({ ...segment, text, key, firstAt: now, updatedAt: now });
    } else {
      next[index] = { ...next[index]!, ...segment, text, key, updatedAt: now };
    }
  }
  return expireCaptions(next, now).slice(-captionLimits.lines);
}

/** Drops the lines whose time is up; returns the same array when nothing changed. */
export function expireCaptions<T extends readonly CaptionLine[]>(lines: T, now: number): T {
  const kept = lines.filter(
    (line) => now - line.updatedAt < (line.final ? captionLimits.finalMs : captionLimits.interimMs),
  );
  return (kept.length === lines.length ? lines : kept) as unknown as T;
}

/** With more than one voice in the captions, each line says who is speaking. */
export function captionLabels(lines: readonly CaptionLine[]): string[] {
  const voices = new Set(lines.map((line) => line.speakerId));
  return lines.map((line) => (voices.size > 1 ? `${line.speaker}: ${line.text}` : line.text));
}
