// What an event may look like: the limits and rules the create and edit schemas enforce (routes/events/eventSchemas.ts)
// and the edit command re-checks against the stored event. Pure, free of Node APIs, so the web client's form can use
// the same rules and the same sentences. Each problem names its field and has a message in both languages.
import { DateTime, IANAZone } from 'luxon';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const EVENT_LIMITS = {
  titleMax: 200,
  descriptionMax: 5000,
  locationMax: 300,
  onlineUrlMax: 2000,
  timezoneMax: 64,
  capacityMax: 100_000,
  remindersMax: 5,
  /** 28 days: the longest reminder offset. */
  reminderMinutesMax: 40_320,
  durationMaxMs: 14 * DAY,
  /** How far ahead an event may start: two years. */
  horizonYears: 2,
  /** A start this little in the past still counts as now: a form filled in "for now" is not refused over seconds. */
  pastGraceMs: 5 * MINUTE,
} as const;

export const DEFAULT_EVENT_TIMEZONE = 'Asia/Jakarta';

/** Why a field was refused; the key of its message in both languages, sent as `details[].reason`. */
export type EventProblemReason =
  | 'text_length'
  | 'text_invalid'
  | 'instant_invalid'
  | 'timezone_invalid'
  | 'timezone_abbreviation'
  | 'ends_before_start'
  | 'too_long'
  | 'starts_in_past'
  | 'too_far_ahead'
  | 'capacity_range'
  | 'reminders_too_many'
  | 'reminder_range'
  | 'reminders_duplicate'
  | 'url_invalid'
  | 'nothing_to_change';

export interface Messages {
  en: string;
  id: string;
}

/** One field problem: the body field it concerns, a stable reason and its sentence in both languages. */
export interface EventProblem {
  field: string;
  reason: EventProblemReason;
  messages: Messages;
}

const L = EVENT_LIMITS;

/** Field names as a reader of the form knows them. */
const FIELD_NAMES: Record<string, Messages> = {
  title: { en: 'The title', id: 'Judul' },
  description: { en: 'The description', id: 'Deskripsi' },
  location: { en: 'The location', id: 'Lokasi' },
  onlineUrl: { en: 'The online link', id: 'Tautan daring' },
  startsAt: { en: 'The start', id: 'Waktu mulai' },
  endsAt: { en: 'The end', id: 'Waktu selesai' },
  timezone: { en: 'The time zone', id: 'Zona waktu' },
  capacity: { en: 'The capacity', id: 'Kapasitas' },
  reminders: { en: 'Reminders', id: 'Pengingat' },
};

function named(field: string): Messages {
  return FIELD_NAMES[field] ?? { en: field, id: field };
}

function problem(field: string, reason: EventProblemReason, say: (name: Messages) => Messages): EventProblem {
  return { field, reason, messages: say(named(field)) };
}

/** Text a person typed, already trimmed: within `min..max` characters, well-formed, no NUL. */
export function textProblem(field: string, value: string, bounds: { min: number; max: number }): EventProblem | null {
  if (!value.isWellFormed() || value.includes('\u0000')) {
    return problem(field, 'text_invalid', (n) => ({ en: `${n.en} contains characters that cannot be stored`, id: `${n.id} berisi karakter yang tidak bisa disimpan` }));
  }
  const length = [...value].length;
  if (length < bounds.min || length > bounds.max) {
    return problem(field, 'text_length', (n) =>
      bounds.min > 0
        ? { en: `${n.en} must be ${bounds.min} to ${bounds.max} characters long`, id: `${n.id} harus ${bounds.min} sampai ${bounds.max} karakter` }
        : { en: `${n.en} must be at most ${bounds.max} characters long`, id: `${n.id} paling banyak ${bounds.max} karakter` },
    );
  }
  return null;
}

/** The instant an ISO-8601 date-time with a UTC designator or offset names, or null when it names none (Feb 30). */
export function parseInstant(value: string): Date | null {
  // Date and time, seconds and fraction optional, then Z or an offset: what JSON dates and <input> values send.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) return null;
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** A start or end that is not an instant. */
export function instantProblem(field: string): EventProblem {
  return problem(field, 'instant_invalid', (n) => ({
    en: `${n.en} must be a date and time in ISO 8601 with a time zone, e.g. 2027-01-31T19:00:00Z`,
    id: `${n.id} harus berupa tanggal dan jam ISO 8601 dengan zona waktu, mis. 2027-01-31T19:00:00Z`,
  }));
}

/**
 * The zone as stored (canonical spelling), or a problem. Only IANA names count: "Area/City" or UTC. Abbreviations
 * such as WIB, EST or GMT are refused although some are legacy IANA links: they hide daylight saving rules (EST is
 * not New York's time in July) and calendars expect a real TZID.
 */
export function checkTimezone(value: string): { zone: string } | { problem: EventProblem } {
  const valid = value.length <= L.timezoneMax && IANAZone.isValidZone(value);
  if (!valid) {
    return {
      problem: problem('timezone', 'timezone_invalid', (n) => ({
        en: `${n.en} must be an IANA time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura`,
        id: `${n.id} harus zona waktu IANA seperti Asia/Jakarta, Asia/Makassar atau Asia/Jayapura`,
      })),
    };
  }
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  if (!value.includes('/') && value.toUpperCase() !== 'UTC') {
    return {
      problem: problem('timezone', 'timezone_abbreviation', (n) => ({
        en: `${n.en} must be a zone name such as Asia/Jakarta, not an abbreviation like WIB`,
        id: `${n.id} harus nama zona seperti Asia/Jakarta, bukan singkatan seperti WIB`,
      })),
    };
  }
  return { zone };
}

/**
 * Start and end together: the end after the start, at most 14 days long, starting within two years. A start that
 * changed (every start of a new event) may not lie in the past; an unchanged one may (editing a running event).
 */
export function scheduleProblems(input: { startsAt: Date; endsAt: Date; now: Date; startChanged: boolean }): EventProblem[] {
  const { startsAt, endsAt, now } = input;
  const problems: EventProblem[] = [];
  if (endsAt.getTime() <= startsAt.getTime()) {
    problems.push(problem('endsAt', 'ends_before_start', (n) => ({ en: `${n.en} must be after the start`, id: `${n.id} harus sesudah waktu mulai` })));
  } else if (endsAt.getTime() - startsAt.getTime() > L.durationMaxMs) {
    problems.push(problem('endsAt', 'too_long', (n) => ({ en: `${n.en} must be at most 14 days after the start`, id: `${n.id} paling lama 14 hari sesudah waktu mulai` })));
  }
  if (input.startChanged && startsAt.getTime() < now.getTime() - L.pastGraceMs) {
    problems.push(problem('startsAt', 'starts_in_past', (n) => ({ en: `${n.en} must not be in the past`, id: `${n.id} tidak boleh di masa lalu` })));
  }
  const horizon = DateTime.fromJSDate(now).plus({ years: L.horizonYears }).toJSDate();
  if (startsAt.getTime() > horizon.getTime()) {
    problems.push(problem('startsAt', 'too_far_ahead', (n) => ({ en: `${n.en} must be at most 2 years from now`, id: `${n.id} paling jauh 2 tahun dari sekarang` })));
  }
  return problems;
}

/** Capacity: a whole number of going members from 1 to 100000 (null, no limit, is checked by the schema). */
export function capacityProblem(value: number): EventProblem | null {
  if (Number.isSafeInteger(value) && value >= 1 && value <= L.capacityMax) return null;
  return problem('capacity', 'capacity_range', (n) => ({
    en: `${n.en} must be a whole number from 1 to ${L.capacityMax}, or null for no limit`,
    id: `${n.id} harus bilangan bulat 1 sampai ${L.capacityMax}, atau null bila tanpa batas`,
  }));
}

/** Reminders: at most 5 distinct whole minutes before the start, each from 1 to 40320 (28 days). */
export function remindersProblem(values: readonly number[]): EventProblem | null {
  if (values.length > L.remindersMax) {
    return problem('reminders', 'reminders_too_many', (n) => ({ en: `${n.en}: at most ${L.remindersMax}`, id: `${n.id}: paling banyak ${L.remindersMax}` }));
  }
  if (values.some((v) => !Number.isSafeInteger(v) || v < 1 || v > L.reminderMinutesMax)) {
    return problem('reminders', 'reminder_range', (n) => ({
      en: `${n.en} must be whole minutes before the start, from 1 to ${L.reminderMinutesMax} (28 days)`,
      id: `${n.id} harus dalam menit bulat sebelum mulai, 1 sampai ${L.reminderMinutesMax} (28 hari)`,
    }));
  }
  if (new Set(values).size !== values.length) {
    return problem('reminders', 'reminders_duplicate', (n) => ({ en: `${n.en} must not repeat a time`, id: `${n.id} tidak boleh berisi waktu yang sama dua kali` }));
  }
  return null;
}

/** The online link: an absolute http or https URL of at most 2000 characters. */
export function onlineUrlProblem(value: string): EventProblem | null {
  let ok = value.length <= L.onlineUrlMax && !/\s/.test(value);
  if (ok) {
    try {
      const url = new URL(value);
      ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      ok = false;
    }
  }
  if (ok) return null;
  return problem('onlineUrl', 'url_invalid', (n) => ({
    en: `${n.en} must be an http or https address of at most ${L.onlineUrlMax} characters`,
    id: `${n.id} harus alamat http atau https, paling banyak ${L.onlineUrlMax} karakter`,
  }));
}

/** An edit that changes nothing. */
export function nothingToChangeProblem(): EventProblem {
  return { field: '', reason: 'nothing_to_change', messages: { en: 'Change at least one field', id: 'Ubah setidaknya satu isian' } };
}
