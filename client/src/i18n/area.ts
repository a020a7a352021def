// One feature area's own dictionaries (events, moderation, surveys, feedback, calendar): the types that tie its
// Indonesian dictionary to its English one, and the hook that gives its screens t() and tn() in the app's language.
// Each area names them in its i18n/types.ts; this file holds the one implementation.
import { useMemo } from 'react';
import type { Locale } from '../../../server/contracts/api';
import { interpolate } from './format';
import { useI18n } from './I18nProvider';
import type { Placeholders } from './types';

/** An area's English dictionary (`as const`): its keys and literal texts define the area's keys and placeholders. */
type Source = Record<string, string>;

export type AreaKey<En extends Source> = keyof En & string;
export type AreaDictionary<En extends Source> = { readonly [K in AreaKey<En>]: string };

export type AreaVarsArgs<En extends Source, K extends AreaKey<En>> = [Placeholders<En[K]>] extends [never]
  ? []
  : [vars: Record<Placeholders<En[K]>, string | number>];

/** Keys without placeholders, which code may pick at run time. */
export type AreaPlainKey<En extends Source> = {
  [K in AreaKey<En>]: [Placeholders<En[K]>] extends [never] ? K : never;
}[AreaKey<En>];

type PluralBaseOf<K, Keys> = K extends `${infer Base}_one` ? (`${Base}_other` extends Keys ? Base : never) : never;
/** `x` where the dictionary has both `x_one` and `x_other`. */
export type AreaPluralBase<En extends Source> = PluralBaseOf<AreaKey<En>, AreaKey<En>>;

export type AreaTranslate<En extends Source> = <K extends AreaKey<En>>(key: K, ...vars: AreaVarsArgs<En, K>) => string;

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;
/** Keys whose Indonesian text drops or invents a placeholder of the English one. */
export type MismatchedKeys<En extends Source, Id extends { readonly [K in AreaKey<En>]: string }> = {
  [K in AreaKey<En>]: SamePlaceholders<En[K], Id[K]> extends true ? never : K;
}[AreaKey<En>];
/** Use as `AssertNever<MismatchedKeys<typeof en, typeof id>>`: fails to compile, naming the key, on a mismatch. */
export type AssertNever<T extends never> = T;

export interface AreaI18n<En extends Source> {
  t: AreaTranslate<En>;
  /** The plural form for `count`; `vars` fill any other placeholders. */
  tn: (base: AreaPluralBase<En>, count: number, vars?: Record<string, string | number>) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  locale: Locale;
}

/** The area's strings in the app's current language. */
export function useAreaI18n<En extends Source>(dictionaries: Record<Locale, AreaDictionary<En>>): AreaI18n<En> {
  const { locale, formatDateTime, formatNumber } = useI18n();
  return useMemo(() => {
    const dictionary: Record<string, string> = dictionaries[locale];
    const t: AreaTranslate<En> = (key, ...vars) => interpolate(dictionary[key] ?? key, vars[0]);
    const plurals = new Intl.PluralRules(locale);
    const tn = (base: AreaPluralBase<En>, count: number, vars: Record<string, string | number> = {}): string => {
      const key = `${base}_${plurals.select(count) === 'one' ? 'one' : 'other'}`;
      return interpolate(dictionary[key] ?? key, { ...vars, count: formatNumber(count) });
    };
    return { t, tn, formatDateTime, formatNumber, locale };
  }, [dictionaries, locale, formatDateTime, formatNumber]);
}
