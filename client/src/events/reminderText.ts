// A reminder offset in words: the offered ones by name ("1 day before"), any other in minutes.
import type { EvTranslate } from './i18n/types';

/** "1 day before" for the offered offsets, "45 minutes before" for any other. */
export function reminderText(minutes: number, t: EvTranslate): string {
  switch (minutes) {
    case 10_080:
      return t('ev.form.reminder.10080');
    case 1_440:
      return t('ev.form.reminder.1440');
    case 120:
      return t('ev.form.reminder.120');
    case 30:
      return t('ev.form.reminder.30');
    default:
      return t('ev.form.reminderMinutes', { count: minutes });
  }
}
