import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';

/** A grey placeholder in the shape of the content to come, with a spoken loading note. */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const t = useT();
  return (
    <div className="skeleton">
      <span className="visually-hidden">{t.app.loading}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.app.retry}
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="notice notice-empty">
      {title ? <p className="notice-title">{title}</p> : null}
      {children}
    </div>
  );
}
