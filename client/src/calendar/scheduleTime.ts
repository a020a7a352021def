// Times of scheduled posts as a community reads them: wall-clock date and time in the community's zone, named WIB,
// WITA, WIT (or the zone's usual abbreviation), and the days a week or month view covers. Pure: tested in Node.
import { DateTime } from 'luxon';
import type { Locale } from '../../../server/contracts/api';
import { wallClockToInstant } from '../events/eventForm';
import { zoneLabel } from '../events/zones';

export type CalendarView = 'week' | 'month';

/** A wall-clock moment as the date and time inputs hold it: yyyy-MM-dd and HH:mm. */
export interface Slot {
  date: string;
  time: string;
}

const INTL_TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
const DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const TIME_FORMAT: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The slot of an instant in `zone`. */
export function slotOf(iso: string, zone: string): Slot {
  const at = DateTime.fromISO(iso).setZone(zone);
  return { date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm') };
}

/** What the form offers first: the next full hour at least an hour from now, in `zone`. */
export function suggestedSlot(now: Date, zone: string): Slot {
  const at = DateTime.fromJSDate(now).setZone(zone).plus({ hours: 1 }).startOf('hour').plus({ hours: 1 });
  return { date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm') };
}

export type SlotResult = { ok: true; iso: string } | { ok: false; problem: 'invalid' | 'past' };

/** The instant a slot names in `zone`, refused when it is not a real time there or not after `now`. */
export function slotToInstant(slot: Slot, zone: string, now: Date): SlotResult {
  const result = wallClockToInstant(slot.date, slot.time, zone);
  if (!result.ok) return { ok: false, problem: 'invalid' };
  if (Date.parse(result.iso) <= now.getTime()) return { ok: false, problem: 'past' };
  return { ok: true, iso: result.iso };
}

/** "Sab, 12 Des 2026, 19.00 WIB": date, time and zone name in `zone`. */
export function formatAt(iso: string, zone: string, locale: Locale): string {
  const at = DateTime.fromISO(iso).setZone(zone).setLocale(INTL_TAGS[locale]);
  return `${at.toLocaleString(DAY_FORMAT)}, ${formatTime(iso, zone, locale)}`;
}

/** "19.00 WIB". */
export function formatTime(iso: string, zone: string, locale: Locale): string {
  const at = DateTime.fromISO(iso).setZone(zone).setLocale(INTL_TAGS[locale]);
  return `${at.toLocaleString(TIME_FORMAT)} ${zoneLabel(zone, iso)}`;
}

/** A day heading: "Sab, 12 Des 2026". */
export function formatDay(day: string, locale: Locale): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).setLocale(INTL_TAGS[locale]).toLocaleString(DAY_FORMAT);
}

/** The local day (yyyy-MM-dd) of an instant in `zone`. */
export function dayOf(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd');
}

/** The days a view shows around `anchor` (yyyy-MM-dd): its week, Monday first, or its whole month. */
export function periodDays(view: CalendarView, anchor: string): string[] {
  const at = DateTime.fromISO(anchor, { zone: 'UTC' });
  const first = view === 'week' ? at.minus({ days: at.weekday - 1 }) : at.startOf('month');
  const count = view === 'week' ? 7 : at.daysInMonth ?? 31;
  return Array.from({ length: count }, (_, i) => first.plus({ days: i }).toFormat('yyyy-MM-dd'));
}

/** The instants to ask the API for: from the first day's midnight to the midnight after the last, in `zone`. */
export function periodRange(days: readonly string[], zone: string): { from: string; to: string } {
  const first = days[0] ?? '1970-01-01';
  const last = days[days.length - 1] ?? first;
  const from = DateTime.fromISO(first, { zone }).startOf('day').toUTC().toISO() ?? '';
  const to = DateTime.fromISO(last, { zone }).plus({ days: 1 }).startOf('day').toUTC().toISO() ?? '';
  return { from, to };
}

/** The anchor one week or month before (-1) or after (+1). */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  const at = DateTime.fromISO(anchor, { zone: 'UTC' });
  return (view === 'week' ? at.plus({ weeks: step }) : at.startOf('month').plus({ months: step })).toFormat('yyyy-MM-dd');
}

/** Today's date in `zone`. */
export function today(now: Date, zone: string): string {
  return DateTime.fromJSDate(now).setZone(zone).toFormat('yyyy-MM-dd');
}

/** "7–13 Des 2026" for a week, "Desember 2026" for a month. */
export function periodLabel(view: CalendarView, days: readonly string[], locale: Locale): string {
  const tag = INTL_TAGS[locale];
  const first = DateTime.fromISO(days[0] ?? '1970-01-01', { zone: 'UTC' }).setLocale(tag);
  if (view === 'month') return first.toLocaleString({ month: 'long', year: 'numeric' });
  const last = DateTime.fromISO(days[days.length - 1] ?? '1970-01-01', { zone: 'UTC' }).setLocale(tag);
  return `${first.toLocaleString({ day: 'numeric', month: 'short' })} – ${last.toLocaleString({ day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** The first line of a post, shortened for a calendar entry. */
export function excerpt(post: { title: string | null; body: string }, max = 80): string {
  const text = (post.title ?? post.body).split('\n')[0]?.trim() ?? '';
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}
