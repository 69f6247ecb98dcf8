import { attendanceFigures } from './attendance-figures';

const t0 = new Date('2026-03-10T10:00:00Z').getTime();
const at = (minute: number): Date => new Date(t0 + minute * 60_000);

describe('attendanceFigures', () => {
  it('is all zero for a room nobody joined', () => {
    expect(attendanceFigures([], at(60))).toEqual({
      uniqueViewers: 0,
      peakConcurrentViewers: 0,
      peakAt: null,
      currentViewers: 0,
      minutesWatched: 0,
    });
  });

  it('counts people, the most at once, and the minutes they were there', () => {
    const figures = attendanceFigures(
      [
        { identity: 'a', joinedAt: at(0), leftAt: at(30) },
        { identity: 'b', joinedAt: at(10), leftAt: at(20) },
        { identity: 'c', joinedAt: at(15), leftAt: null },
      ],
      at(40),
    );
    expect(figures).toEqual({
      uniqueViewers: 3,
      peakConcurrentViewers: 3,
      peakAt: at(15),
      currentViewers: 1,
      minutesWatched: 30 + 10 + 25,
    });
  });

  it('counts one person on two devices, or reconnecting, once', () => {
    const figures = attendanceFigures(
      [
        { identity: 'a', joinedAt: at(0), leftAt: at(20) },
        { identity: 'a', joinedAt: at(5), leftAt: at(25) },
        { identity: 'a', joinedAt: at(40), leftAt: at(50) },
      ],
      at(60),
    );
    expect(figures.uniqueViewers).toBe(1);
    expect(figures.peakConcurrentViewers).toBe(1);
    expect(figures.minutesWatched).toBe(35);
  });

  it('does not count a hand-over at the same instant as overlap', () => {
    const figures = attendanceFigures(
      [
        { identity: 'a', joinedAt: at(0), leftAt: at(10) },
        { identity: 'b', joinedAt: at(10), leftAt: at(20) },
      ],
      at(30),
    );
    expect(figures.peakConcurrentViewers).toBe(1);
  });
});
