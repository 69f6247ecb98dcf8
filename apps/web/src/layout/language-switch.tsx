import type { Locale } from '@plenum/contracts';
import { useAuth } from '../auth/auth-context';
import { useAnnounce } from '../components/announcer';
import { uiLocales, useI18n } from '../i18n/i18n';
import { de } from '../i18n/de';
import { en } from '../i18n/en';

const changedMessage: Record<Locale, string> = { de: de.language.changed, en: en.language.changed };

export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const { chooseLocale } = useAuth();
  const announce = useAnnounce();

  const choose = (next: Locale) => {
    if (next === locale) {
      return;
    }
    chooseLocale(next);
    announce(changedMessage[next]);
  };

  return (
    <div className="language-switch" role="group" aria-label={t.header.language}>
      {uiLocales.map((option) => (
        <button
          key={option}
          type="button"
          className="language-option"
          lang={option}
          title={t.language[option]}
          aria-pressed={option === locale}
          onClick={() => choose(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
