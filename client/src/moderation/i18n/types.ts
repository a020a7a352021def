// The moderation dictionary's names for the shared area i18n types (client/src/i18n/area.ts): id.ts must have the same
// keys as en.ts (`satisfies`) and the same {placeholders} (ModPlaceholdersMatch below), or the build fails.
import type { AreaDictionary, AreaKey, AreaPlainKey, AreaPluralBase, AreaTranslate, AreaVarsArgs, AssertNever, MismatchedKeys } from '../../i18n/area';
import type { modEn } from './en';
import type { modId } from './id';

type En = typeof modEn;
export type ModKey = AreaKey<En>;
export type ModDictionary = AreaDictionary<En>;
export type ModVarsArgs<K extends ModKey> = AreaVarsArgs<En, K>;
export type ModPlainKey = AreaPlainKey<En>;
export type ModPluralBase = AreaPluralBase<En>;
export type ModTranslate = AreaTranslate<En>;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type ModPlaceholdersMatch = AssertNever<MismatchedKeys<En, typeof modId>>;
