import { useEffect } from 'react';
import { useT } from '../i18n/i18n';

/** Sets the tab title, which screen readers also read out after a route change. */
export function useDocumentTitle(page: string | null): void {
  const t = useT();
  useEffect(() => {
    document.title = page ? t.app.pageTitle(page) : t.app.name;
  }, [page, t]);
}
