import { useT } from '../i18n/i18n';
import type { ZoneChoice } from './programme-data';

/** Two toggle buttons: the event's time zone or the viewer's own. */
export function ZoneSwitch({
  choice,
  onChange,
  eventZone,
  viewerZone,
}: {
  choice: ZoneChoice;
  onChange: (choice: ZoneChoice) => void;
  eventZone: string;
  viewerZone: string;
}) {
  const t = useT();
  return (
    <div className="toggle-group" role="group" aria-label={t.programme.timeZone}>
      <span className="toggle-group-label" aria-hidden="true">
        {t.programme.timeZone}:
      </span>
      <button
        type="button"
        className="toggle"
        aria-pressed={choice === 'event'}
        onClick={() => onChange('event')}
      >
        {t.programme.eventZone(eventZone)}
      </button>
      {viewerZone !== eventZone ? (
        <button
          type="button"
          className="toggle"
          aria-pressed={choice === 'viewer'}
          onClick={() => onChange('viewer')}
        >
          {t.programme.viewerZone(viewerZone)}
        </button>
      ) : null}
    </div>
  );
}
