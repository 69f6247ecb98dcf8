import type { Locale, NotificationKind } from '@plenum/contracts';

export interface NoticeFacts {
  kind: NotificationKind;
  eventTitle: string;
  sessionTitle: string | null;
  /** The start, already written in the reader's zone and language. */
  when: string | null;
  timeZone: string;
  offsetMinutes: number | null;
  announcementTitle: string | null;
  announcementBody: string | null;
}

function lead(locale: Locale, minutes: number): string {
  if (minutes % 1440 === 0) {
    const d = minutes / 1440;
    return locale === 'de' ? `${d} ${d === 1 ? 'Tag' : 'Tagen'}` : `${d} day${d === 1 ? '' : 's'}`;
  }
  if (minutes % 60 === 0) {
    const h = minutes / 60;
    return locale === 'de'
      ? `${h} ${h === 1 ? 'Stunde' : 'Stunden'}`
      : `${h} hour${h === 1 ? '' : 's'}`;
  }
  return locale === 'de'
    ? `${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'}`
    : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The title and the body of a notice, the same for the notification list and the e-mail. */
export function noticeText(locale: Locale, f: NoticeFacts): { title: string; body: string } {
  const de = locale === 'de';
  const session = f.sessionTitle ?? '';
  const when = `${f.when ?? ''} (${f.timeZone})`;
  switch (f.kind) {
    case 'reminder': {
      const inTime = lead(locale, f.offsetMinutes ?? 0);
      return de
        ? { title: `Erinnerung: ${session}`, body: `„${session}“ beginnt in ${inTime}: ${when}.` }
        : { title: `Reminder: ${session}`, body: `"${session}" starts in ${inTime}: ${when}.` };
    }
    case 'session-moved':
      return de
        ? { title: `Verschoben: ${session}`, body: `„${session}“ findet jetzt statt: ${when}.` }
        : { title: `Moved: ${session}`, body: `"${session}" now takes place: ${when}.` };
    case 'session-cancelled':
      return de
        ? { title: `Abgesagt: ${session}`, body: `„${session}“ (${when}) wurde abgesagt.` }
        : { title: `Cancelled: ${session}`, body: `"${session}" (${when}) has been cancelled.` };
    case 'announcement':
      return { title: f.announcementTitle ?? '', body: f.announcementBody ?? '' };
    case 'workshop-seat-confirmed':
      return de
        ? {
            title: `Platz bestätigt: ${session}`,
            body: `Sie haben einen Platz im Workshop „${session}“: ${when}.`,
          }
        : {
            title: `Seat confirmed: ${session}`,
            body: `You have a seat in the workshop "${session}": ${when}.`,
          };
    case 'workshop-promoted':
      return de
        ? {
            title: `Nachgerückt: ${session}`,
            body: `Ein Platz wurde frei: Sie sind jetzt für den Workshop „${session}“ angemeldet: ${when}.`,
          }
        : {
            title: `Off the waitlist: ${session}`,
            body: `A seat freed up: you are now registered for the workshop "${session}": ${when}.`,
          };
  }
}

/** Where a notice leads: the workshop room for seat notices, else the session or the event. */
export function noticePath(
  eventSlug: string,
  kind: NotificationKind,
  sessionId: string | null,
): string {
  const eventPath = `/e/${encodeURIComponent(eventSlug)}`;
  if (!sessionId) return eventPath;
  return kind === 'workshop-seat-confirmed' || kind === 'workshop-promoted'
    ? `${eventPath}/workshops/${sessionId}`
    : `${eventPath}/sessions/${sessionId}`;
}

export function mailFooter(
  locale: Locale,
  eventTitle: string,
  link: string,
  unsubscribe: string,
): string {
  return locale === 'de'
    ? `\n\nZur Veranstaltung „${eventTitle}“:\n${link}\n\n` +
        `Keine E-Mails mehr zu dieser Veranstaltung erhalten:\n${unsubscribe}\n`
    : `\n\nOpen "${eventTitle}":\n${link}\n\n` + `Stop e-mails about this event:\n${unsubscribe}\n`;
}

/** Date and time in the reader's language and zone. */
export function formatWhen(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}
