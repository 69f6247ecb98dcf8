/** What the stage needs to know about one video track to place it. */
export interface StageTile {
  identity: string;
  screen: boolean;
}

export interface StageArrangement<T extends StageTile> {
  /** Shown large across the stage: a shared screen, which the audience has to read. */
  main: T | null;
  /** Everyone else, the people speaking now first. */
  others: T[];
}

/**
 * Places the stage's video tracks: a screen share large (the one of someone speaking, when
 * several people share), then the cameras with the active speakers first, in the order LiveKit
 * ranks them (loudest first); people who are silent keep the order they came in, so tiles do not
 * jump around while nobody talks.
 */
export function arrangeStage<T extends StageTile>(
  tiles: readonly T[],
  activeSpeakers: readonly string[],
): StageArrangement<T> {
  const rank = (tile: T): number => {
    const index = activeSpeakers.indexOf(tile.identity);
    return index === -1 ? activeSpeakers.length : index;
  };
  const screens = tiles.filter((tile) => tile.screen);
  const main = screens.length === 0 ? null : [...screens].sort((a, b) => rank(a) - rank(b))[0]!;
  const others = tiles
    .map((tile, index) => ({ tile, index }))
    .filter(({ tile }) => tile !== main)
    .sort((a, b) => rank(a.tile) - rank(b.tile) || a.index - b.index)
    .map(({ tile }) => tile);
  return { main, others };
}
