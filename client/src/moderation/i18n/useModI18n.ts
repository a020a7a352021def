// The moderation screens' t(): the app's current language, this feature's own dictionaries (client/src/i18n/area.ts).
import type { Locale } from '../../../../server/contracts/api';
import { useAreaI18n, type AreaI18n } from '../../i18n/area';
import { modEn } from './en';
import { modId } from './id';
import type { ModDictionary } from './types';

const DICTIONARIES: Record<Locale, ModDictionary> = { en: modEn, id: modId };

export type ModI18n = AreaI18n<typeof modEn>;

/** Moderation strings in the current language. */
export function useModI18n(): ModI18n {
  return useAreaI18n<typeof modEn>(DICTIONARIES);
}
