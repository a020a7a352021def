// The create/edit form's values and their conversion to and from the API: the organiser types wall-clock date and
// time in a chosen zone; the API speaks UTC instants plus the zone. Pure, so the DST edge cases are unit-tested.
import { DateTime } from 'luxon';
import type { CommunityEvent } from '../../../server/contracts/api';
import type { EventInput, EventPatch } from './api';
import { DEFAULT_ZONE, isValidZone } from './zones';

export interface EventFormValues {
  title: string;
  description: string;
  /** yyyy-MM-dd and HH:mm, as <input type="date"> and <input type="time"> give them. */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timezone: string;
  location: string;
  onlineUrl: string;
  /** Empty means unlimited. */
  capacity: string;
  /** Minutes before the start. */
  reminders: number[];
}

export type EventField = 'title' | 'description' | 'start' | 'end' | 'timezone' | 'location' | 'onlineUrl' | 'capacity' | 'reminders';

/** Why a field is refused; the form words each problem in the reader's language. */
export type FieldProblem =
  | 'required'
  | 'invalidDate'
  | 'nonexistentTime'
  | 'endBeforeStart'
  | 'invalidZone'
  | 'invalidUrl'
  | 'invalidCapacity'
  | 'tooLong'
  | 'invalid';

export type FieldErrors = Partial<Record<EventField, FieldProblem>>;

/** The reminder offsets the form offers as checkboxes, largest first: 1 week, 1 day, 2 hours, 30 minutes. */
export const REMINDER_CHOICES: readonly number[] = [10_080, 1_440, 120, 30];
export const DEFAULT_REMINDERS: readonly number[] = [1_440, 120];
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5_000;
/** Matches the server's ceiling; larger numbers are refused here before a round trip. */
export const CAPACITY_MAX = 100_000;

const DATE = 'yyyy-MM-dd';
const TIME = 'HH:mm';

/** A fresh form: tomorrow 19:00 to 21:00 in the given zone (Jakarta unless told). */
export function emptyEventForm(now: Date, timezone: string = DEFAULT_ZONE): EventFormValues {
  const start = DateTime.fromJSDate(now).setZone(timezone).plus({ days: 1 }).set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
  const end = start.plus({ hours: 2 });
  return {
    title: '',
    description: '',
    startDate: start.toFormat(DATE),
    startTime: start.toFormat(TIME),
    endDate: end.toFormat(DATE),
    endTime: end.toFormat(TIME),
    timezone,
    location: '',
    onlineUrl: '',
    capacity: '',
    reminders: [...DEFAULT_REMINDERS],
  };
}

/** The form as an existing event fills it: its instants shown as wall-clock time in its own zone. */
export function formFromEvent(event: CommunityEvent): EventFormValues {
  const start = DateTime.fromISO(event.startsAt).setZone(event.timezone);
  const end = DateTime.fromISO(event.endsAt).setZone(event.timezone);
  return {
    title: event.title,
    description: event.description,
    startDate: start.toFormat(DATE),
    startTime: start.toFormat(TIME),
    endDate: end.toFormat(DATE),
    endTime: end.toFormat(TIME),
    timezone: event.timezone,
    location: event.location ?? '',
    onlineUrl: event.onlineUrl ?? '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    reminders: [...event.reminders].sort((a, b) => b - a),
  };
}

export type WallClockResult = { ok: true; iso: string } | { ok: false; problem: FieldProblem };

/**
 * A wall-clock date and time in a zone as a UTC instant. A time that does not exist there (skipped when the clocks
 * go forward) is refused rather than silently moved; a repeated hour (clocks going back) takes the earlier one.
 */
export function wallClockToInstant(date: string, time: string, zone: string): WallClockResult {
  if (!date || !time) return { ok: false, problem: 'required' };
  if (!isValidZone(zone)) return { ok: false, problem: 'invalidZone' };
  const local = `${date}T${time}`;
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) return { ok: false, problem: 'invalidDate' };
  // Luxon moves a skipped time forward; reading the result back shows whether it was moved.
  if (parsed.toFormat(`${DATE}'T'${TIME}`) !== local) return { ok: false, problem: 'nonexistentTime' };
  // A repeated hour has two instants, one per offset in force around it; calendars take the first one.
  const wall = DateTime.fromISO(local, { zone: 'UTC' }).toMillis();
  const offsets = new Set([parsed.minus({ days: 1 }).offset, parsed.offset, parsed.plus({ days: 1 }).offset]);
  const instants = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((millis) => DateTime.fromMillis(millis, { zone }).toFormat(`${DATE}'T'${TIME}`) === local);
  const iso = DateTime.fromMillis(Math.min(...instants, parsed.toMillis()), { zone: 'UTC' }).toISO();
  return iso ? { ok: true, iso } : { ok: false, problem: 'invalidDate' };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function parseCapacity(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return value >= 1 && value <= CAPACITY_MAX ? value : 'invalid';
}

export type FormResult = { ok: true; input: EventInput } | { ok: false; errors: FieldErrors };

/** Checks the form and builds the create body; every problem is listed at once. */
export function formToInput(values: EventFormValues): FormResult {
  const errors: FieldErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'required';
  else if (title.length > TITLE_MAX) errors.title = 'tooLong';
  if (values.description.length > DESCRIPTION_MAX) errors.description = 'tooLong';
  if (!isValidZone(values.timezone)) errors.timezone = 'invalidZone';
  const start = wallClockToInstant(values.startDate, values.startTime, values.timezone);
  const end = wallClockToInstant(values.endDate, values.endTime, values.timezone);
  if (!start.ok && !errors.timezone) errors.start = start.problem;
  if (!end.ok && !errors.timezone) errors.end = end.problem;
  if (start.ok && end.ok && Date.parse(end.iso) <= Date.parse(start.iso)) errors.end = 'endBeforeStart';
  const onlineUrl = values.onlineUrl.trim();
  if (onlineUrl && !isHttpUrl(onlineUrl)) errors.onlineUrl = 'invalidUrl';
  const capacity = parseCapacity(values.capacity);
  if (capacity === 'invalid') errors.capacity = 'invalidCapacity';
  if (Object.keys(errors).length > 0 || !start.ok || !end.ok || capacity === 'invalid') return { ok: false, errors };
  const location = values.location.trim();
  return {
    ok: true,
    input: {
      title,
      description: values.description.trim(),
      startsAt: start.iso,
      endsAt: end.iso,
      timezone: values.timezone,
      location: location || null,
      onlineUrl: onlineUrl || null,
      capacity,
      reminders: [...new Set(values.reminders)].sort((a, b) => b - a),
    },
  };
}

/** The create body without the nulls: the create route takes absent optional fields, not null ones. */
export function createBody(input: EventInput): EventInput {
  const body: EventInput = { title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, timezone: input.timezone };
  if (input.description) body.description = input.description;
  if (input.location) body.location = input.location;
  if (input.onlineUrl) body.onlineUrl = input.onlineUrl;
  if (input.capacity !== null && input.capacity !== undefined) body.capacity = input.capacity;
  if (input.reminders) body.reminders = input.reminders;
  return body;
}

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);
const sameList = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && [...a].sort((x, y) => x - y).every((value, i) => value === [...b].sort((x, y) => x - y)[i]);

/**
 * The PATCH body for an edit: only what changed (so an untouched field never races another editor), with the
 * sequence the editor loaded so the server can refuse a stale edit (409 version_conflict). Null clears a field.
 */
export function patchBody(input: EventInput, event: CommunityEvent): EventPatch {
  const patch: EventPatch = { sequence: event.sequence };
  if (input.title !== event.title) patch.title = input.title;
  if ((input.description ?? '') !== event.description) patch.description = input.description ?? '';
  if (!sameInstant(input.startsAt, event.startsAt)) patch.startsAt = input.startsAt;
  if (!sameInstant(input.endsAt, event.endsAt)) patch.endsAt = input.endsAt;
  if (input.timezone !== event.timezone) patch.timezone = input.timezone;
  if ((input.location ?? null) !== event.location) patch.location = input.location ?? null;
  if ((input.onlineUrl ?? null) !== event.onlineUrl) patch.onlineUrl = input.onlineUrl ?? null;
  if ((input.capacity ?? null) !== event.capacity) patch.capacity = input.capacity ?? null;
  if (!sameList(input.reminders ?? [], event.reminders)) patch.reminders = input.reminders ?? [];
  return patch;
}

const SERVER_FIELDS: Readonly<Record<string, EventField>> = {
  title: 'title',
  description: 'description',
  startsAt: 'start',
  endsAt: 'end',
  timezone: 'timezone',
  location: 'location',
  onlineUrl: 'onlineUrl',
  capacity: 'capacity',
  reminders: 'reminders',
};

/** A field the server refused, with its sentence (already in the reader's language) when it sent one. */
export type ServerFieldErrors = Partial<Record<EventField, string>>;

/**
 * The form fields a 422's details (`[{path: "body.endsAt", message}]`) point at, each with the server's message;
 * paths the form does not show are left out (the form then shows the error as a whole).
 */
export function fieldErrorsFromDetails(details: unknown): ServerFieldErrors {
  const errors: ServerFieldErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null || !('path' in entry)) continue;
    const { path, message } = entry as { path: unknown; message?: unknown };
    if (typeof path !== 'string') continue;
    const parts = path.split('.');
    const head = parts[0] === 'body' ? parts[1] : parts[0];
    const field = SERVER_FIELDS[head ?? ''];
    if (field && errors[field] === undefined) errors[field] = typeof message === 'string' ? message : '';
  }
  return errors;
}
