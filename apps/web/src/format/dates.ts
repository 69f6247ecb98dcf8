/**
 * Event days (`YYYY-MM-DD`) are calendar dates, not instants: they are pinned to UTC noon and
 * printed in UTC so that no viewer's or event's offset can move them to a neighbouring day.
 */
function calendarDay(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) {
    return null;
  }
  const [, year, month, day] = match;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12));
}

export function formatEventDays(startsOn: string, endsOn: string, intlLocale: string): string {
  const start = calendarDay(startsOn);
  const end = calendarDay(endsOn);
  if (!start || !end) {
    return startsOn === endsOn ? startsOn : `${startsOn} – ${endsOn}`;
  }
  const format = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: 'UTC' });
  return start.getTime() === end.getTime() ? format.format(start) : format.formatRange(start, end);
}

/** A session's start and end as the event's clock shows them, e.g. `10:00–10:45`. */
export function formatTimeRange(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  intlLocale: string,
): string {
  const format = new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short', timeZone });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** The day in the event's calendar, for telling whether a session is on another day. */
export function eventDayKey(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

export function formatShortDay(instant: string, timeZone: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(new Date(instant));
}

/** Whether this browser's clock differs from the event's, which makes a time zone note useful. */
export function viewerInOtherTimeZone(timeZone: string, at: string): boolean {
  const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (viewer === timeZone) {
    return false;
  }
  const instant = new Date(at);
  const clock = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(instant);
  return clock(viewer) !== clock(timeZone);
}
