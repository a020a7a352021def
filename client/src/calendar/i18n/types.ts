// The calendar dictionary's names for the shared area i18n types (client/src/i18n/area.ts): id.ts must have the same
// keys as en.ts (`satisfies`) and the same {placeholders} (CalPlaceholdersMatch below), or the build fails.
import type { AreaDictionary, AreaKey, AreaPlainKey, AreaPluralBase, AreaTranslate, AreaVarsArgs, AssertNever, MismatchedKeys } from '../../i18n/area';
import type { calEn } from './en';
import type { calId } from './id';

type En = typeof calEn;
export type CalKey = AreaKey<En>;
export type CalDictionary = AreaDictionary<En>;
export type CalVarsArgs<K extends CalKey> = AreaVarsArgs<En, K>;
export type CalPlainKey = AreaPlainKey<En>;
export type CalPluralBase = AreaPluralBase<En>;
export type CalTranslate = AreaTranslate<En>;
/** Fails to compile, naming the key, when a translation drops or invents a placeholder. */
export type CalPlaceholdersMatch = AssertNever<MismatchedKeys<En, typeof calId>>;
