// The surveys dictionary's shape comes from the English one; id.ts must have the same keys (`satisfies`) and the
// same {placeholders} (SvPlaceholdersMatch below), or the build fails. Reuses the app's placeholder parser.
import type { Placeholders } from '../../i18n/types';
import type { svEn } from './en';
import type { svId } from './id';

export type SvKey = keyof typeof svEn;
export type SvDictionary = { readonly [K in SvKey]: string };

export type SvVarsArgs<K extends SvKey> = [Placeholders<(typeof svEn)[K]>] extends [never]
  ? []
  : [vars: Record<Placeholders<(typeof svEn)[K]>, string | number>];

/** Keys without placeholders, which code may pick at run time. */
export type SvPlainKey = {
  [K in SvKey]: [Placeholders<(typeof svEn)[K]>] extends [never] ? K : never;
}[SvKey];

type PluralBaseOf<K> = K extends `${infer Base}_one` ? (`${Base}_other` extends SvKey ? Base : never) : never;
export type SvPluralBase = PluralBaseOf<SvKey>;

export type SvTranslate = <K extends SvKey>(key: K, ...vars: SvVarsArgs<K>) => string;

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;
type MismatchedKeys = {
  [K in SvKey]: SamePlaceholders<(typeof svEn)[K], (typeof svId)[K]> extends true ? never : K;
}[SvKey];
type AssertNever<T extends never> = T;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type SvPlaceholdersMatch = AssertNever<MismatchedKeys>;
