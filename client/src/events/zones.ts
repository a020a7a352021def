// Time zones for events: Indonesia's three zones by their own names (WIB, WITA, WIT), every other zone by its usual
// abbreviation or, when the platform has none, by its UTC offset. Pure: the tests run it in Node.
import { DateTime } from 'luxon';

/** Indonesia's zone names. Pontianak keeps western time although it lies in Kalimantan. */
const INDONESIAN_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The zone events use when the organiser picks none. */
export const DEFAULT_ZONE = 'Asia/Jakarta';

/** Indonesia's zones first (WIB, WITA, WIT), then zones members abroad commonly live in. */
export const ZONE_CHOICES: readonly string[] = [
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Manila',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Australia/Perth',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Europe/London',
  'Europe/Amsterdam',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'UTC',
];

/** Whether the platform knows an IANA zone name. */
export function isValidZone(zone: string): boolean {
  return zone.length > 0 && DateTime.now().setZone(zone).isValid;
}

/** "UTC+7", "UTC+5:30", "UTC-3:30", "UTC" for an offset in minutes. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * The short name of a zone at an instant (the instant matters where daylight saving time changes the name):
 * WIB/WITA/WIT for Indonesia, else the platform's abbreviation (CET, EDT, AEDT), else the offset (UTC+8).
 */
export function zoneLabel(zone: string, instant: string | Date = new Date()): string {
  const named = INDONESIAN_NAMES[zone];
  if (named) return named;
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  const local = at.setZone(zone);
  if (!local.isValid) return zone;
  // en-US names the Americas (EST), en-GB names Europe (CET, BST); both fall back to "GMT+8" for the rest.
  for (const locale of ['en-US', 'en-GB', 'en-AU']) {
    const name = local.setLocale(locale).offsetNameShort;
    if (name && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
  }
  return offsetLabel(local.offset);
}

/** The zone's city as people read it: "Asia/Kuala_Lumpur" -> "Kuala Lumpur". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** An option label for the zone select: "WIB · Jakarta (UTC+7)". */
export function zoneOptionLabel(zone: string, instant: string | Date = new Date()): string {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant);
  const local = at.setZone(zone);
  if (!local.isValid) return zone;
  const label = zoneLabel(zone, instant);
  const offset = offsetLabel(local.offset);
  const city = zoneCity(zone);
  return label === offset ? `${city} (${offset})` : `${label} · ${city} (${offset})`;
}

/** The select's zones: the fixed choices, plus the event's own and the viewer's when they are not among them. */
export function zoneChoices(extra: readonly (string | null | undefined)[]): string[] {
  const zones = [...ZONE_CHOICES];
  for (const zone of extra) {
    if (zone && !zones.includes(zone) && isValidZone(zone)) zones.push(zone);
  }
  return zones;
}

/** The viewer's own zone, as the browser reports it. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether two zones show different wall-clock times at an instant (Jakarta and Pontianak do not). */
export function zonesDiffer(a: string, b: string, instant: string): boolean {
  const at = DateTime.fromISO(instant);
  return at.setZone(a).offset !== at.setZone(b).offset;
}
