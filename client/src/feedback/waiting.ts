// How long a feedback item has waited for its first answer, in the largest whole unit a person would say
// ("menunggu 26 jam", "waiting 3 days"), and whether it has waited longer than the inbox's limit.
import type { Feedback } from '../../../server/contracts/surveys';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type WaitUnit = 'justNow' | 'minutes' | 'hours' | 'days';
export interface Waited {
  unit: WaitUnit;
  count: number;
}

/** Hours are kept up to three days (a "26 hours" wait says more than "1 day"), then whole days. */
export const HOURS_SHOWN_UP_TO = 72;

/** The wait from `since` to `now`, rounded down to whole units; a clock slightly behind counts as just now. */
export function waitedSince(since: string, now: number): Waited {
  const start = Date.parse(since);
  const ms = Number.isNaN(start) ? 0 : Math.max(0, now - start);
  const minutes = Math.floor(ms / MINUTE);
  if (minutes < 1) return { unit: 'justNow', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  const hours = Math.floor(ms / HOUR);
  if (hours < HOURS_SHOWN_UP_TO) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.floor(hours / 24) };
}

/** Whether the member is still waiting for a first answer: open, and nobody has replied. */
export function isWaiting(item: Pick<Feedback, 'status' | 'firstResponseAt' | 'replies'>): boolean {
  return item.status !== 'resolved' && item.firstResponseAt === null && item.replies.length === 0;
}

/** Whether an item has waited for a first answer longer than `hours`. */
export function isOverdue(item: Pick<Feedback, 'status' | 'firstResponseAt' | 'replies' | 'createdAt'>, now: number, hours: number): boolean {
  if (!isWaiting(item)) return false;
  const start = Date.parse(item.createdAt);
  return !Number.isNaN(start) && now - start > hours * HOUR;
}

/** The sentence for a wait, given the screen's translators (kept pure for tests in both languages). */
export function waitedText(
  waited: Waited,
  t: (key: 'fb.wait.justNow') => string,
  tn: (base: 'fb.wait.minutes' | 'fb.wait.hours' | 'fb.wait.days', count: number) => string,
): string {
  switch (waited.unit) {
    case 'justNow':
      return t('fb.wait.justNow');
    case 'minutes':
      return tn('fb.wait.minutes', waited.count);
    case 'hours':
      return tn('fb.wait.hours', waited.count);
    case 'days':
      return tn('fb.wait.days', waited.count);
  }
}
