// The events screens' t(): the app's current language, this feature's own dictionaries (client/src/i18n/area.ts).
import type { Locale } from '../../../../server/contracts/api';
import { useAreaI18n, type AreaI18n } from '../../i18n/area';
import { evEn } from './en';
import { evId } from './id';
import type { EvDictionary } from './types';

const DICTIONARIES: Record<Locale, EvDictionary> = { en: evEn, id: evId };

export type EvI18n = AreaI18n<typeof evEn>;

/** Events strings in the current language. */
export function useEvI18n(): EvI18n {
  return useAreaI18n<typeof evEn>(DICTIONARIES);
}
