import { ChatPanel } from '../chat/chat-panel';
import { useDocumentTitle } from '../components/document-title';
import { NowNext } from '../components/now-next';
import { formatEventDays } from '../format/dates';
import { useI18n } from '../i18n/i18n';
import { useEvent } from '../layout/event-layout';

/** Splits the organiser's plain-text description into paragraphs at blank lines. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** Organiser texts carry the event's language, so screen readers pronounce them right. */
export function EventHomePage() {
  const { t, intlLocale } = useI18n();
  const event = useEvent();
  useDocumentTitle(event.title);

  return (
    <>
      <div className="event-intro">
        {event.logoUrl ? (
          <img className="event-logo" src={event.logoUrl} alt={t.event.logoAlt(event.title)} />
        ) : null}
        <div>
          <h1 lang={event.defaultLocale}>{event.title}</h1>
          <p className="event-dates">
            <time dateTime={event.startsOn}>
              {formatEventDays(event.startsOn, event.endsOn, intlLocale)}
            </time>
          </p>
        </div>
      </div>
      {paragraphs(event.description).map((paragraph, index) => (
        <p key={index} className="event-description" lang={event.defaultLocale}>
          {paragraph}
        </p>
      ))}
      <NowNext event={event} />
      <ChatPanel room={`event:${event.id}`} eventId={event.id} title={t.chat.lobbyTitle} />
    </>
  );
}
