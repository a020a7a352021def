// Compile-time checks between the two dictionaries. Missing or extra keys already fail in id.ts (`satisfies
// Dictionary`); this adds that every message names the same {placeholders} in both languages.
import type { en } from './en';
import type { id } from './id';
import type { MessageKey, Placeholders } from './types';

type SamePlaceholders<A extends string, B extends string> = [Placeholders<A>] extends [Placeholders<B>]
  ? [Placeholders<B>] extends [Placeholders<A>]
    ? true
    : false
  : false;

/** The keys whose placeholders differ between English and Indonesian; must be never. */
type MismatchedKeys = {
  [K in MessageKey]: SamePlaceholders<(typeof en)[K], (typeof id)[K]> extends true ? never : K;
}[MessageKey];

type AssertNever<T extends never> = T;

/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type PlaceholdersMatch = AssertNever<MismatchedKeys>;
