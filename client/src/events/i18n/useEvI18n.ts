// The events screens' t(): the app's current language (useI18n), this feature's own dictionaries.
import { useMemo } from 'react';
import type { Locale } from '../../../../server/contracts/api';
import { useI18n } from '../../i18n/I18nProvider';
import { interpolate } from '../../i18n/format';
import { evEn } from './en';
import { evId } from './id';
import type { EvDictionary, EvKey, EvPluralBase, EvTranslate } from './types';

const DICTIONARIES: Record<Locale, EvDictionary> = { en: evEn, id: evId };

export interface EvI18n {
  t: EvTranslate;
  tn: (base: EvPluralBase, count: number) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  locale: Locale;
}

/** Events strings in the current language. */
export function useEvI18n(): EvI18n {
  const { locale, formatDateTime, formatNumber } = useI18n();
  return useMemo(() => {
    const dictionary = DICTIONARIES[locale];
    const t: EvTranslate = (key, ...vars) => interpolate(dictionary[key], vars[0]);
    const plurals = new Intl.PluralRules(locale);
    const tn = (base: EvPluralBase, count: number): string => {
      const key: EvKey = `${base}_${plurals.select(count) === 'one' ? 'one' : 'other'}`;
      return interpolate(dictionary[key], { count: formatNumber(count) });
    };
    return { t, tn, formatDateTime, formatNumber, locale };
  }, [locale, formatDateTime, formatNumber]);
}
