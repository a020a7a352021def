// The dictionary's shape comes from the English one: a key used in code must exist there, and id.ts must have
// exactly the same keys with the same {placeholders} (see checks.ts), or the build fails.
import type { en } from './en';

export type MessageKey = keyof typeof en;
export type Dictionary = { readonly [K in MessageKey]: string };

/** The `{name}` placeholders of a message template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

export type Vars<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

/** The arguments after the key: none for a plain message, the values of its placeholders otherwise. */
export type VarsArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [vars: Vars<K>];

/** Keys of messages without placeholders: the ones code may pick at run time (by error code, status, kind). */
export type PlainKey = {
  [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];

type PluralBaseOf<K> = K extends `${infer Base}_one` ? (`${Base}_other` extends MessageKey ? Base : never) : never;

/** Bases `x` of message pairs `x_one` / `x_other`, chosen by Intl.PluralRules. */
export type PluralBase = PluralBaseOf<MessageKey>;

export type Translate = <K extends MessageKey>(key: K, ...vars: VarsArgs<K>) => string;
