// The feedback screens' t(): the app's current language, this feature's own dictionaries (client/src/i18n/area.ts).
import type { Locale } from '../../../../server/contracts/api';
import { useAreaI18n, type AreaI18n } from '../../i18n/area';
import { fbEn } from './en';
import { fbId } from './id';
import type { FbDictionary } from './types';

const DICTIONARIES: Record<Locale, FbDictionary> = { en: fbEn, id: fbId };

export type FbI18n = AreaI18n<typeof fbEn>;

/** Feedback strings in the current language. */
export function useFbI18n(): FbI18n {
  return useAreaI18n<typeof fbEn>(DICTIONARIES);
}
