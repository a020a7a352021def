// The moderation screens' t(): the app's current language (useI18n), this feature's own dictionaries.
import { useMemo } from 'react';
import type { Locale } from '../../../../server/contracts/api';
import { useI18n } from '../../i18n/I18nProvider';
import { interpolate } from '../../i18n/format';
import { modEn } from './en';
import { modId } from './id';
import type { ModDictionary, ModKey, ModPluralBase, ModTranslate } from './types';

const DICTIONARIES: Record<Locale, ModDictionary> = { en: modEn, id: modId };

export interface ModI18n {
  t: ModTranslate;
  tn: (base: ModPluralBase, count: number) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  locale: Locale;
}

/** Moderation strings in the current language. */
export function useModI18n(): ModI18n {
  const { locale, formatDateTime, formatNumber } = useI18n();
  return useMemo(() => {
    const dictionary = DICTIONARIES[locale];
    const t: ModTranslate = (key, ...vars) => interpolate(dictionary[key], vars[0]);
    const plurals = new Intl.PluralRules(locale);
    const tn = (base: ModPluralBase, count: number): string => {
      const key: ModKey = `${base}_${plurals.select(count) === 'one' ? 'one' : 'other'}`;
      return interpolate(dictionary[key], { count: formatNumber(count) });
    };
    return { t, tn, formatDateTime, formatNumber, locale };
  }, [locale, formatDateTime, formatNumber]);
}
