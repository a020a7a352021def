// The surveys screens' t(): the app's current language (useI18n), this feature's own dictionaries.
import { useMemo } from 'react';
import type { Locale } from '../../../../server/contracts/api';
import { useI18n } from '../../i18n/I18nProvider';
import { interpolate } from '../../i18n/format';
import { svEn } from './en';
import { svId } from './id';
import type { SvDictionary, SvKey, SvPluralBase, SvTranslate } from './types';

const DICTIONARIES: Record<Locale, SvDictionary> = { en: svEn, id: svId };

export interface SvI18n {
  t: SvTranslate;
  tn: (base: SvPluralBase, count: number) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  locale: Locale;
}

/** Surveys strings in the current language. */
export function useSvI18n(): SvI18n {
  const { locale, formatDateTime, formatNumber } = useI18n();
  return useMemo(() => {
    const dictionary = DICTIONARIES[locale];
    const t: SvTranslate = (key, ...vars) => interpolate(dictionary[key], vars[0]);
    const plurals = new Intl.PluralRules(locale);
    const tn = (base: SvPluralBase, count: number): string => {
      const key: SvKey = `${base}_${plurals.select(count) === 'one' ? 'one' : 'other'}`;
      return interpolate(dictionary[key], { count: formatNumber(count) });
    };
    return { t, tn, formatDateTime, formatNumber, locale };
  }, [locale, formatDateTime, formatNumber]);
}
