/** One connection of one person to a session's room; `leftAt` null while still connected. */
export interface RoomConnection {
  identity: string;
  joinedAt: Date;
  leftAt: Date | null;
}

export interface AttendanceFigures {
  uniqueViewers: number;
  peakConcurrentViewers: number;
  peakAt: Date | null;
  currentViewers: number;
  minutesWatched: number;
}

type Span = [start: number, end: number];

/** A person's connections merged, so a second device or a reconnect overlap is counted once. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function attendanceFigures(connections: RoomConnection[], now: Date): AttendanceFigures {
  const byPerson = new Map<string, Span[]>();
  const connectedNow = new Set<string>();
  for (const c of connections) {
    const end = (c.leftAt ?? now).getTime();
    const start = Math.min(c.joinedAt.getTime(), end);
    const spans = byPerson.get(c.identity) ?? [];
    spans.push([start, end]);
    byPerson.set(c.identity, spans);
    if (!c.leftAt) connectedNow.add(c.identity);
  }

  let watchedMs = 0;
  // +1 when a person arrives, -1 when they leave; a leave sorts before an arrival at the same
  // instant, so someone handing over to the next person is not counted as overlap.
  const changes: Array<[time: number, delta: 1 | -1]> = [];
  for (const spans of byPerson.values()) {
    for (const [start, end] of mergeSpans(spans)) {
      watchedMs += end - start;
      changes.push([start, 1], [end, -1]);
    }
  }
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  let peakAt: number | null = null;
  for (const [time, delta] of changes) {
    current += delta;
    if (current > peak) {
      peak = current;
      peakAt = time;
    }
  }

  return {
    uniqueViewers: byPerson.size,
    peakConcurrentViewers: peak,
    peakAt: peakAt === null ? null : new Date(peakAt),
    currentViewers: connectedNow.size,
    minutesWatched: Math.round(watchedMs / 6_000) / 10,
  };
}
