// The feedback screens' t(): the app's current language (useI18n), this feature's own dictionaries.
import { useMemo } from 'react';
import type { Locale } from '../../../../server/contracts/api';
import { useI18n } from '../../i18n/I18nProvider';
import { interpolate } from '../../i18n/format';
import { fbEn } from './en';
import { fbId } from './id';
import type { FbDictionary, FbKey, FbPluralBase, FbTranslate } from './types';

const DICTIONARIES: Record<Locale, FbDictionary> = { en: fbEn, id: fbId };

export interface FbI18n {
  t: FbTranslate;
  /** The plural form for `count`; `vars` fill any other placeholders. */
  tn: (base: FbPluralBase, count: number, vars?: Record<string, string | number>) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  locale: Locale;
}

/** Feedback strings in the current language. */
export function useFbI18n(): FbI18n {
  const { locale, formatDateTime, formatNumber } = useI18n();
  return useMemo(() => {
    const dictionary = DICTIONARIES[locale];
    const t: FbTranslate = (key, ...vars) => interpolate(dictionary[key], vars[0]);
    const plurals = new Intl.PluralRules(locale);
    const tn = (base: FbPluralBase, count: number, vars: Record<string, string | number> = {}): string => {
      const key: FbKey = `${base}_${plurals.select(count) === 'one' ? 'one' : 'other'}`;
      return interpolate(dictionary[key], { ...vars, count: formatNumber(count) });
    };
    return { t, tn, formatDateTime, formatNumber, locale };
  }, [locale, formatDateTime, formatNumber]);
}
