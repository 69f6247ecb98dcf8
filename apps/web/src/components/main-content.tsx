import type { ReactNode } from 'react';

export const mainContentId = 'main';

/**
 * The page's <main>, target of the skip link and of focus after navigation; tabIndex -1 lets
 * it take focus from script without becoming a tab stop.
 */
export function MainContent({ children, busy = false }: { children: ReactNode; busy?: boolean }) {
  return (
    <main id={mainContentId} className="main" tabIndex={-1} aria-busy={busy || undefined}>
      <div className="container">{children}</div>
    </main>
  );
}
