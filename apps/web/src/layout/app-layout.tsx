import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { mainContentId } from '../components/main-content';
import { useT } from '../i18n/i18n';
import { AppHeader } from './app-header';

/**
 * Moves focus to the new page after client-side navigation, as a full page load would. Redirects
 * during the first load (to /login, to the only event) happen before anyone has touched the
 * page; moving focus then would skip the skip link and the header for keyboard users.
 */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const interacted = useRef(false);

  useEffect(() => {
    const markInteracted = () => {
      interacted.current = true;
    };
    document.addEventListener('keydown', markInteracted, { once: true, capture: true });
    document.addEventListener('pointerdown', markInteracted, { once: true, capture: true });
    return () => {
      document.removeEventListener('keydown', markInteracted, { capture: true });
      document.removeEventListener('pointerdown', markInteracted, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (interacted.current) {
      document.getElementById(mainContentId)?.focus();
    }
  }, [pathname]);
}

export function AppLayout() {
  const t = useT();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href={`#${mainContentId}`}>
        {t.app.skipToContent}
      </a>
      <AppHeader />
      <Outlet />
    </>
  );
}
