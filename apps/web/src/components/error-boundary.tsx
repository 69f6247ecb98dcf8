import { Component } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';

function CrashNotice() {
  const t = useT();
  return (
    <main id="main" className="main" tabIndex={-1}>
      <div className="container">
        <h1>{t.app.crashTitle}</h1>
        <div className="notice notice-error" role="alert">
          <p>{t.app.crashText}</p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => window.location.reload()}
          >
            {t.app.reload}
          </button>
        </div>
      </div>
    </main>
  );
}

/** Keeps a rendering bug in one page from leaving a blank screen with no way forward. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashNotice /> : this.props.children;
  }
}
