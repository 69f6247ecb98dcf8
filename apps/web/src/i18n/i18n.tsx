import type { Locale } from '@plenum/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { de } from './de';
import type { Messages } from './de';
import { en } from './en';

export const uiLocales: readonly Locale[] = ['de', 'en'];

const dictionaries: Record<Locale, Messages> = { de, en };

/** Intl tags per UI language; British English keeps the 24-hour clock a German audience expects. */
const intlLocales: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

const storageKey = 'plenum.locale';

interface I18nValue {
  locale: Locale;
  intlLocale: string;
  t: Messages;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

function isLocale(value: unknown): value is Locale {
  return value === 'de' || value === 'en';
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : 'de';
  } catch {
    // Storage can be disabled by browser policy; German is the default anyway.
    return 'de';
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Without storage the choice lasts for this page load, which is the best we can do.
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, intlLocale: intlLocales[locale], t: dictionaries[locale], setLocale }),
    [locale, setLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) {
    throw new Error('useI18n must be used inside <I18nProvider>');
  }
  return value;
}

export function useT(): Messages {
  return useI18n().t;
}
