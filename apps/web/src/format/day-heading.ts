/** A calendar day (`YYYY-MM-DD`) as a heading, e.g. "Mittwoch, 10. Juni 2026". */
export function formatDayHeading(day: string, intlLocale: string): string {
  const [year, month, date] = day.split('-').map(Number);
  // Pinned to UTC noon and printed in UTC, so no offset can move it to a neighbouring day.
  const at = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12));
  return new Intl.DateTimeFormat(intlLocale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}
