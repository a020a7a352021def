// The surveys dictionary's names for the shared area i18n types (client/src/i18n/area.ts): id.ts must have the same
// keys as en.ts (`satisfies`) and the same {placeholders} (SvPlaceholdersMatch below), or the build fails.
import type { AreaDictionary, AreaKey, AreaPlainKey, AreaPluralBase, AreaTranslate, AreaVarsArgs, AssertNever, MismatchedKeys } from '../../i18n/area';
import type { svEn } from './en';
import type { svId } from './id';

type En = typeof svEn;
export type SvKey = AreaKey<En>;
export type SvDictionary = AreaDictionary<En>;
export type SvVarsArgs<K extends SvKey> = AreaVarsArgs<En, K>;
export type SvPlainKey = AreaPlainKey<En>;
export type SvPluralBase = AreaPluralBase<En>;
export type SvTranslate = AreaTranslate<En>;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type SvPlaceholdersMatch = AssertNever<MismatchedKeys<En, typeof svId>>;
