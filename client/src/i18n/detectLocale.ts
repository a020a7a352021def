// Which language to show before the user has chosen one.
import type { Locale } from '../../../server/contracts/api';

export const LOCALES: readonly Locale[] = ['id', 'en'];

/** Indonesian when the browser's first supported preference is Indonesian, otherwise English. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** Whether a stored value is one of our locales. */
export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** The BCP 47 tag Intl formats with for a locale. */
export function intlTag(locale: Locale): string {
  return locale === 'id' ? 'id-ID' : 'en';
}
