// A reminder offset in words, in the largest whole unit: "1 week before", "1 day before", "2 hours before", and
// minutes only when nothing larger divides it ("45 minutes before", "90 minutes before").
import type { EvPluralBase } from './i18n/types';

type Plural = (base: EvPluralBase, count: number) => string;

const UNITS: readonly { minutes: number; base: EvPluralBase }[] = [
  { minutes: 10_080, base: 'ev.reminder.weeks' },
  { minutes: 1_440, base: 'ev.reminder.days' },
  { minutes: 60, base: 'ev.reminder.hours' },
];

/** "1 day before" for 1440, "2 hours before" for 120, "45 minutes before" for 45. */
export function reminderText(minutes: number, tn: Plural): string {
  const unit = UNITS.find((u) => minutes > 0 && minutes % u.minutes === 0);
  return unit ? tn(unit.base, minutes / unit.minutes) : tn('ev.reminder.minutes', minutes);
}
