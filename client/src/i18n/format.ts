// Message formatting: placeholders, plurals, dates and numbers, all with Intl in the chosen locale.
import type { Locale } from '../../../server/contracts/api';
import { intlTag } from './detectLocale';

/** Replaces `{name}` with its value; unknown placeholders stay as written. */
export function interpolate(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** The formatters of one locale, built once per language change. */
export interface Formatters {
  number: (value: number) => string;
  dateTime: (iso: string) => string;
  plural: (count: number) => 'one' | 'other';
}

/** Builds the Intl formatters for a locale. */
export function createFormatters(locale: Locale): Formatters {
  const tag = intlTag(locale);
  const numbers = new Intl.NumberFormat(tag);
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const plurals = new Intl.PluralRules(tag);
  return {
    number: (value) => numbers.format(value),
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dates.format(date);
    },
    // Our dictionaries have only the two forms English needs; Indonesian always answers "other".
    plural: (count) => (plurals.select(count) === 'one' ? 'one' : 'other'),
  };
}
