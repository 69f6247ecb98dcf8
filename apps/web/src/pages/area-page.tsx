import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../components/document-title';
import { useT } from '../i18n/i18n';
import { eventPath, useEvent } from '../layout/event-layout';
import type { EventArea } from '../layout/event-layout';

/**
 * The event areas whose features are still being built. They say so plainly instead of
 * showing sample content that people would take for the real programme.
 */
export function AreaPage({ area }: { area: EventArea }) {
  const t = useT();
  const event = useEvent();
  const heading = t.nav[area];
  useDocumentTitle(`${heading} · ${event.title}`);
  return (
    <>
      <h1>{heading}</h1>
      <div className="notice notice-info">
        <p>{t.area.settingUp}</p>
      </div>
      <p>
        <Link to={eventPath(event.slug)}>{t.event.backToEvent}</Link>
      </p>
    </>
  );
}
