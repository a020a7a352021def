// The surveys screens' t(): the app's current language, this feature's own dictionaries (client/src/i18n/area.ts).
import type { Locale } from '../../../../server/contracts/api';
import { useAreaI18n, type AreaI18n } from '../../i18n/area';
import { svEn } from './en';
import { svId } from './id';
import type { SvDictionary } from './types';

const DICTIONARIES: Record<Locale, SvDictionary> = { en: svEn, id: svId };

export type SvI18n = AreaI18n<typeof svEn>;

/** Surveys strings in the current language. */
export function useSvI18n(): SvI18n {
  return useAreaI18n<typeof svEn>(DICTIONARIES);
}
