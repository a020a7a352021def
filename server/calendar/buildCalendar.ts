// iCalendar (RFC 5545) files of events: one event, a community's events, a member's personal feed. ical-generator
// writes every line (escaping, folding); this file only decides what goes in. Times go out in the event's own zone
// with a VTIMEZONE from timezones-ical-library, so a calendar shows the kopdar at the hour the organiser meant even
// when the attendee's device is in another zone, and across daylight-saving changes.
import ical, { escape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

/** The fields of an Event row a calendar entry is made of. */
export interface CalendarEventInput {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  location: string | null;
  onlineUrl: string | null;
  /** scheduled | cancelled (as stored; "ended" is not a calendar state). */
  status: string;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface BuildCalendarInput {
  /** The calendar's name (NAME and X-WR-CALNAME). */
  name: string;
  /** The calendar's default zone (X-WR-TIMEZONE), e.g. the zone most of its events use. */
  timezone: string;
  /** Right-hand side of every UID (`<eventId>@<uidHost>`): keep it fixed, calendars match events by UID. */
  uidHost: string;
  /** Origin of the web client (`https://rukun.example`), for each event's page; null when unknown. */
  clientOrigin: string | null;
  /** How often subscribers should fetch it again (REFRESH-INTERVAL, X-PUBLISHED-TTL); none for one-off files. */
  refreshSeconds?: number;
  /** When this file is made (DTSTAMP: with METHOD:PUBLISH it is the object's creation time, RFC 5545 3.8.7.2). */
  now: Date;
  events: CalendarEventInput[];
}

interface Zone {
  /** The TZID the VTIMEZONE block carries (tzlib may canonicalise, e.g. UTC -> Etc/UTC). */
  tzid: string;
  block: string;
}

const zoneCache = new Map<string, Zone | null>();

/** The VTIMEZONE for an IANA zone and the TZID it declares; null when the library does not know the zone. */
export function vtimezoneFor(timezone: string): Zone | null {
  if (zoneCache.has(timezone)) return zoneCache.get(timezone) ?? null;
  let zone: Zone | null = null;
  try {
    // Luxon first: tzlib writes to the console about zones it does not know.
    const found = DateTime.now().setZone(timezone).isValid ? tzlib_get_ical_block(timezone) : '';
    const [block, tzidLine] = Array.isArray(found) ? found : [];
    const tzid = tzidLine?.startsWith('TZID=') ? tzidLine.slice('TZID='.length) : undefined;
    // A zone luxon cannot resolve could not be written in local time either: treat it as unknown.
    if (block && tzid && DateTime.now().setZone(tzid).isValid) zone = { tzid, block };
  } catch {
    zone = null;
  }
  zoneCache.set(timezone, zone);
  return zone;
}

/** The zone most of the events use, or `fallback` when there are none. */
export function dominantTimezone(events: Pick<CalendarEventInput, 'timezone'>[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.timezone, (counts.get(e.timezone) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [zone, count] of counts) {
    if (count > most) [best, most] = [zone, count];
  }
  return best;
}

/** The event's page in the web client, else its online link, else none. */
function eventUrl(event: CalendarEventInput, clientOrigin: string | null): string | null {
  if (clientOrigin) return `${clientOrigin}/events/${encodeURIComponent(event.id)}`;
  return event.onlineUrl;
}

/** The description, with the online link added when LOCATION holds the place (calendars show both then). */
function describe(event: CalendarEventInput): string {
  if (!event.onlineUrl || !event.location) return event.description;
  return event.description ? `${event.description}\n\n${event.onlineUrl}` : event.onlineUrl;
}

/** Builds the text of an iCalendar file (METHOD:PUBLISH) holding `events`, cancelled ones as STATUS:CANCELLED. */
export function buildCalendar(input: BuildCalendarInput): string {
  const calendarZone = vtimezoneFor(input.timezone);
  const calendar = ical({
    // ical-generator writes the calendar's name as given (unlike event text): escape it with its own function, so a
    // comma, semicolon or line break in a community's name cannot end the line.
    name: escape(input.name, false),
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Rukun', product: 'Rukun events', language: 'EN' },
    // The generator is asked once per zone the events use and writes its VTIMEZONE. The calendar itself gets no
    // zone name: ical-generator would then write every other time (DTSTAMP, CREATED) as floating local time.
    timezone: { name: null, generator: (tz) => vtimezoneFor(tz)?.block ?? null },
    ...(input.refreshSeconds ? { ttl: input.refreshSeconds } : {}),
    ...(calendarZone ? { x: { 'X-WR-TIMEZONE': calendarZone.tzid } } : {}),
  });
  for (const event of input.events) {
    const zone = vtimezoneFor(event.timezone);
    // Luxon values carry their zone, so ical-generator writes local wall time for the TZID. A zone without a
    // VTIMEZONE goes out as UTC instants instead: always the right moment, just not labelled with the zone.
    const at = (d: Date) => (zone ? DateTime.fromJSDate(d, { zone: zone.tzid }) : d);
    const url = eventUrl(event, input.clientOrigin);
    calendar.createEvent({
      id: `${event.id}@${input.uidHost}`,
      sequence: event.sequence,
      stamp: input.now,
      created: event.createdAt,
      lastModified: event.updatedAt,
      start: at(event.startsAt),
      end: at(event.endsAt),
      timezone: zone?.tzid ?? null,
      summary: event.title,
      description: describe(event) || null,
      location: event.location ?? event.onlineUrl ?? null,
      url,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A file name for an event's .ics: the title in lower-case ASCII words, or "event". */
export function calendarFileName(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return `${words || 'event'}.ics`;
}
