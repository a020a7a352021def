// The user's explicit language choice on this device. Storage may be unavailable (private mode): then it is not kept.
import type { Locale } from '../../../server/contracts/api';
import { isLocale } from './detectLocale';

const KEY = 'rukun.locale';

/** The stored choice, if any. */
export function readStoredLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps the choice for the next visit. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(KEY, locale);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}
