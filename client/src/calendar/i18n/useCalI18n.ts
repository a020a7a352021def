// The calendar screens' t(): the app's current language, this feature's own dictionaries (client/src/i18n/area.ts).
import type { Locale } from '../../../../server/contracts/api';
import { useAreaI18n, type AreaI18n } from '../../i18n/area';
import { calEn } from './en';
import { calId } from './id';
import type { CalDictionary } from './types';

const DICTIONARIES: Record<Locale, CalDictionary> = { en: calEn, id: calId };

export type CalI18n = AreaI18n<typeof calEn>;

/** Calendar strings in the current language. */
export function useCalI18n(): CalI18n {
  return useAreaI18n<typeof calEn>(DICTIONARIES);
}
