// The language switch in the header: remembered on this device and sent to the server.
import type { ChangeEvent } from 'react';
import { isLocale, LOCALES } from '../i18n/detectLocale';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

/** A select between Bahasa Indonesia and English; each option is named in its own language. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  const onChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    if (isLocale(event.target.value)) changeLocale(event.target.value);
  };
  return (
    <select
      className="language-switch"
      value={locale}
      onChange={onChange}
      aria-label={t('header.language')}
      data-testid="language-switch"
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {option === 'id' ? t('language.id') : t('language.en')}
        </option>
      ))}
    </select>
  );
}
