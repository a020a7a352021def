// The feedback dictionary's shape comes from the English one; id.ts must have the same keys (`satisfies`) and the
// same {placeholders} (PlaceholdersMatch below), or the build fails. Reuses the app's placeholder parser.
import type { Placeholders } from '../../i18n/types';
import type { fbEn } from './en';
import type { fbId } from './id';

export type FbKey = keyof typeof fbEn;
export type FbDictionary = { readonly [K in FbKey]: string };

export type FbVarsArgs<K extends FbKey> = [Placeholders<(typeof fbEn)[K]>] extends [never]
  ? []
  : [vars: Record<Placeholders<(typeof fbEn)[K]>, string | number>];

/** Keys without placeholders, which code may pick at run time. */
export type FbPlainKey = {
  [K in FbKey]: [Placeholders<(typeof fbEn)[K]>] extends [never] ? K : never;
}[FbKey];

type PluralBaseOf<K> = K extends `${infer Base}_one` ? (`${Base}_other` extends FbKey ? Base : never) : never;
export type FbPluralBase = PluralBaseOf<FbKey>;

export type FbTranslate = <K extends FbKey>(key: K, ...vars: FbVarsArgs<K>) => string;

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;
type MismatchedKeys = {
  [K in FbKey]: SamePlaceholders<(typeof fbEn)[K], (typeof fbId)[K]> extends true ? never : K;
}[FbKey];
type AssertNever<T extends never> = T;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type FbPlaceholdersMatch = AssertNever<MismatchedKeys>;
