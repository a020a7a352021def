// The events dictionary's names for the shared area i18n types (client/src/i18n/area.ts): id.ts must have the same
// keys as en.ts (`satisfies`) and the same {placeholders} (EvPlaceholdersMatch below), or the build fails.
import type { AreaDictionary, AreaKey, AreaPlainKey, AreaPluralBase, AreaTranslate, AreaVarsArgs, AssertNever, MismatchedKeys } from '../../i18n/area';
import type { evEn } from './en';
import type { evId } from './id';

type En = typeof evEn;
export type EvKey = AreaKey<En>;
export type EvDictionary = AreaDictionary<En>;
export type EvVarsArgs<K extends EvKey> = AreaVarsArgs<En, K>;
export type EvPlainKey = AreaPlainKey<En>;
export type EvPluralBase = AreaPluralBase<En>;
export type EvTranslate = AreaTranslate<En>;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type EvPlaceholdersMatch = AssertNever<MismatchedKeys<En, typeof evId>>;
