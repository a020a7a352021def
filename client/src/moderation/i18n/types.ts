// The moderation dictionary's shape comes from the English one; id.ts must have the same keys (`satisfies`) and the
// same {placeholders} (PlaceholdersMatch below), or the build fails. Reuses the app's placeholder parser.
import type { Placeholders } from '../../i18n/types';
import type { modEn } from './en';
import type { modId } from './id';

export type ModKey = keyof typeof modEn;
export type ModDictionary = { readonly [K in ModKey]: string };

export type ModVarsArgs<K extends ModKey> = [Placeholders<(typeof modEn)[K]>] extends [never]
  ? []
  : [vars: Record<Placeholders<(typeof modEn)[K]>, string | number>];

/** Keys without placeholders, which code may pick at run time. */
export type ModPlainKey = {
  [K in ModKey]: [Placeholders<(typeof modEn)[K]>] extends [never] ? K : never;
}[ModKey];

type PluralBaseOf<K> = K extends `${infer Base}_one` ? (`${Base}_other` extends ModKey ? Base : never) : never;
export type ModPluralBase = PluralBaseOf<ModKey>;

export type ModTranslate = <K extends ModKey>(key: K, ...vars: ModVarsArgs<K>) => string;

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;
type MismatchedKeys = {
  [K in ModKey]: SamePlaceholders<(typeof modEn)[K], (typeof modId)[K]> extends true ? never : K;
}[ModKey];
type AssertNever<T extends never> = T;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type ModPlaceholdersMatch = AssertNever<MismatchedKeys>;
