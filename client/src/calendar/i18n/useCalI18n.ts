// The calendar's t(): the app's current language (useI18n), this feature's own dictionaries.
import { useMemo } from 'react';
import type { Locale } from '../../../../server/contracts/api';
import { useI18n } from '../../i18n/I18nProvider';
import { interpolate } from '../../i18n/format';
import { calEn } from './en';
import { calId } from './id';
import type { CalDictionary, CalTranslate } from './types';

const DICTIONARIES: Record<Locale, CalDictionary> = { en: calEn, id: calId };

/** Calendar and scheduling strings in the current language. */
export function useCalI18n(): { t: CalTranslate; locale: Locale } {
  const { locale } = useI18n();
  return useMemo(() => {
    const dictionary = DICTIONARIES[locale];
    const t: CalTranslate = (key, ...vars) => interpolate(dictionary[key], vars[0]);
    return { t, locale };
  }, [locale]);
}
