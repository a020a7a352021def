// The events dictionary's shape comes from the English one; id.ts must have the same keys (`satisfies`) and the
// same {placeholders} (PlaceholdersMatch below), or the build fails. Reuses the app's placeholder parser.
import type { Placeholders } from '../../i18n/types';
import type { evEn } from './en';
import type { evId } from './id';

export type EvKey = keyof typeof evEn;
export type EvDictionary = { readonly [K in EvKey]: string };

export type EvVarsArgs<K extends EvKey> = [Placeholders<(typeof evEn)[K]>] extends [never]
  ? []
  : [vars: Record<Placeholders<(typeof evEn)[K]>, string | number>];

/** Keys without placeholders, which code may pick at run time. */
export type EvPlainKey = {
  [K in EvKey]: [Placeholders<(typeof evEn)[K]>] extends [never] ? K : never;
}[EvKey];

type PluralBaseOf<K> = K extends `${infer Base}_one` ? (`${Base}_other` extends EvKey ? Base : never) : never;
export type EvPluralBase = PluralBaseOf<EvKey>;

export type EvTranslate = <K extends EvKey>(key: K, ...vars: EvVarsArgs<K>) => string;

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;
type MismatchedKeys = {
  [K in EvKey]: SamePlaceholders<(typeof evEn)[K], (typeof evId)[K]> extends true ? never : K;
}[EvKey];
type AssertNever<T extends never> = T;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type EvPlaceholdersMatch = AssertNever<MismatchedKeys>;
