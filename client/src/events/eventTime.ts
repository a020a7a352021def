// Event dates as people read them: in the event's own zone with its name (WIB, WITA, WIT, CET...), and a month grid
// for the calendar view. Pure.
import { DateTime } from 'luxon';
import type { CommunityEvent, Locale } from '../../../server/contracts/api';
import { zoneLabel } from './zones';

const INTL_TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * "Sab, 12 Des 2026, 19.00–21.00 WIB" when the event starts and ends on one day in `zone`, else both dates in full.
 * The zone name is the one at the start (it can differ at the end across a daylight saving change; then both).
 */
export function formatRange(input: { startsAt: string; endsAt: string; zone: string; locale: Locale }): string {
  const tag = INTL_TAGS[input.locale];
  const start = DateTime.fromISO(input.startsAt).setZone(input.zone).setLocale(tag);
  const end = DateTime.fromISO(input.endsAt).setZone(input.zone).setLocale(tag);
  const startName = zoneLabel(input.zone, input.startsAt);
  const endName = zoneLabel(input.zone, input.endsAt);
  if (start.hasSame(end, 'day') && startName === endName) {
    return `${start.toLocaleString(DAY)}, ${start.toLocaleString(TIME)}–${end.toLocaleString(TIME)} ${startName}`;
  }
  const from = `${start.toLocaleString(DAY)}, ${start.toLocaleString(TIME)}${startName === endName ? '' : ` ${startName}`}`;
  return `${from} – ${end.toLocaleString(DAY)}, ${end.toLocaleString(TIME)} ${endName}`;
}

/** The event's time in its own zone. */
export function formatEventTime(event: Pick<CommunityEvent, 'startsAt' | 'endsAt' | 'timezone'>, locale: Locale): string {
  return formatRange({ startsAt: event.startsAt, endsAt: event.endsAt, zone: event.timezone, locale });
}

/** The short date parts for a card's date tile: "DES" and "12" in the event's zone. */
export function dateTile(iso: string, zone: string, locale: Locale): { month: string; day: string; weekday: string } {
  const at = DateTime.fromISO(iso).setZone(zone).setLocale(INTL_TAGS[locale]);
  return {
    month: at.toLocaleString({ month: 'short' }).replace('.', ''),
    day: at.toFormat('d'),
    weekday: at.toLocaleString({ weekday: 'short' }),
  };
}

/** The event's local calendar day (yyyy-MM-dd) in its own zone, where the calendar view places it. */
export function eventDay(event: Pick<CommunityEvent, 'startsAt' | 'timezone'>): string {
  return DateTime.fromISO(event.startsAt).setZone(event.timezone).toFormat('yyyy-MM-dd');
}

export interface MonthCell {
  /** yyyy-MM-dd */
  day: string;
  dayOfMonth: number;
  inMonth: boolean;
}

/** The weeks (Monday first) covering a month, six rows at most, as yyyy-MM-dd cells. */
export function monthGrid(month: string): MonthCell[][] {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).startOf('month');
  const start = first.minus({ days: first.weekday - 1 });
  const last = first.endOf('month');
  const weeks: MonthCell[][] = [];
  for (let cursor = start; cursor <= last; ) {
    const week: MonthCell[] = [];
    for (let i = 0; i < 7; i += 1) {
      week.push({ day: cursor.toFormat('yyyy-MM-dd'), dayOfMonth: cursor.day, inMonth: cursor.month === first.month });
      cursor = cursor.plus({ days: 1 });
    }
    weeks.push(week);
  }
  return weeks;
}

/** The instants to ask the API for when showing a month: a day of margin either side covers every zone's dates. */
export function monthRange(month: string): { from: string; to: string } {
  const first = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).startOf('month');
  const grid = monthGrid(month);
  const lastDay = grid[grid.length - 1]?.[6]?.day ?? first.endOf('month').toFormat('yyyy-MM-dd');
  const from = first.minus({ days: first.weekday - 1 }).minus({ days: 1 });
  const to = DateTime.fromISO(lastDay, { zone: 'UTC' }).plus({ days: 2 });
  return { from: from.toISO() ?? '', to: to.toISO() ?? '' };
}

/** "Desember 2026" / "December 2026". */
export function monthTitle(month: string, locale: Locale): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).setLocale(INTL_TAGS[locale]).toLocaleString({ month: 'long', year: 'numeric' });
}

/** The month after (+1) or before (-1) a yyyy-MM month. */
export function shiftMonth(month: string, by: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).plus({ months: by }).toFormat('yyyy-MM');
}

/** The month of an instant in a zone, yyyy-MM. */
export function monthOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant).setZone(zone).toFormat('yyyy-MM');
}

/** Short weekday names Monday first, for the calendar's head. */
export function weekdayNames(locale: Locale): string[] {
  const monday = DateTime.fromISO('2026-11-30', { zone: 'UTC' }).setLocale(INTL_TAGS[locale]);
  return Array.from({ length: 7 }, (_, i) => monday.plus({ days: i }).toLocaleString({ weekday: 'short' }));
}
