// The feedback dictionary's names for the shared area i18n types (client/src/i18n/area.ts): id.ts must have the same
// keys as en.ts (`satisfies`) and the same {placeholders} (FbPlaceholdersMatch below), or the build fails.
import type { AreaDictionary, AreaKey, AreaPlainKey, AreaPluralBase, AreaTranslate, AreaVarsArgs, AssertNever, MismatchedKeys } from '../../i18n/area';
import type { fbEn } from './en';
import type { fbId } from './id';

type En = typeof fbEn;
export type FbKey = AreaKey<En>;
export type FbDictionary = AreaDictionary<En>;
export type FbVarsArgs<K extends FbKey> = AreaVarsArgs<En, K>;
export type FbPlainKey = AreaPlainKey<En>;
export type FbPluralBase = AreaPluralBase<En>;
export type FbTranslate = AreaTranslate<En>;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type FbPlaceholdersMatch = AssertNever<MismatchedKeys<En, typeof fbId>>;
