// The calendar dictionary's shape comes from the English one; id.ts must have the same keys (`satisfies`) and the
// same {placeholders} (CalPlaceholdersMatch below), or the build fails. Reuses the app's placeholder parser.
import type { Placeholders } from '../../i18n/types';
import type { calEn } from './en';
import type { calId } from './id';

export type CalKey = keyof typeof calEn;
export type CalDictionary = { readonly [K in CalKey]: string };

export type CalVarsArgs<K extends CalKey> = [Placeholders<(typeof calEn)[K]>] extends [never]
  ? []
  : [vars: Record<Placeholders<(typeof calEn)[K]>, string | number>];

export type CalTranslate = <K extends CalKey>(key: K, ...vars: CalVarsArgs<K>) => string;

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;
type MismatchedKeys = {
  [K in CalKey]: SamePlaceholders<(typeof calEn)[K], (typeof calId)[K]> extends true ? never : K;
}[CalKey];
type AssertNever<T extends never> = T;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type CalPlaceholdersMatch = AssertNever<MismatchedKeys>;
