import { useT } from '../i18n/i18n';

/**
 * The caption line under the picture and its switch. Nothing shows until captions exist; the
 * lines are a polite live region, so a screen reader reads them without interrupting.
 */
export function CaptionBar({
  available,
  lines,
  shown,
  onToggle,
}: {
  available: boolean;
  lines: readonly string[];
  shown: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  if (!available) return null;
  return (
    <div className="stage-captions-area">
      <div
        className="stage-captions"
        aria-live="polite"
        aria-label={t.stage.captions}
        hidden={!shown}
      >
        {lines.map((line, index) => (
          <p key={`${index}-${line}`}>{line}</p>
        ))}
      </div>
      <button
        type="button"
        className="button button-quiet stage-captions-toggle"
        onClick={onToggle}
      >
        {shown ? t.stage.captionsOff : t.stage.captionsOn}
      </button>
    </div>
  );
}
