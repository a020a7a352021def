// buildCalendar's output parsed back with node-ical (an independent reader): UIDs, SEQUENCE, STATUS, times in the
// event's own zone (including across daylight-saving changes), and text that survives escaping.
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarFileName, dominantTimezone, type BuildCalendarInput, type CalendarEventInput } from '../../server/calendar/buildCalendar';
import { redactUrl, serializeRequest } from '../../server/logger';

const NOW = new Date('2026-12-05T08:00:00Z');

function event(overrides: Partial<CalendarEventInput> & { id: string }): CalendarEventInput {
  return {
    title: 'Kopdar',
    description: '',
    startsAt: new Date('2026-12-20T07:00:00Z'),
    endsAt: new Date('2026-12-20T09:00:00Z'),
    timezone: 'Asia/Jakarta',
    location: 'Jakarta',
    onlineUrl: null,
    status: 'scheduled',
    sequence: 0,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    updatedAt: new Date('2026-12-02T00:00:00Z'),
    ...overrides,
  };
}

function build(events: CalendarEventInput[], overrides: Partial<BuildCalendarInput> = {}): string {
  return buildCalendar({ name: 'Komunitas Uji', timezone: 'Asia/Jakarta', uidHost: 'rukun.example', clientOrigin: 'https://rukun.example', now: NOW, events, ...overrides });
}

function parse(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

/** The one VEVENT with this event id. */
function parsedEvent(text: string, id: string): VEvent {
  const found = parse(text).find((e) => e.uid === `${id}@rukun.example`);
  if (!found) throw new Error(`no VEVENT ${id} in:\n${text}`);
  return found;
}

/** An event's URL (node-ical keeps the VALUE=URI parameter next to it). */
function urlOf(e: VEvent): string | undefined {
  const url = e.url as unknown;
  return typeof url === 'string' ? url : (url as { val?: string } | undefined)?.val;
}

/** The unfolded content lines of the file. */
function lines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** The unfolded line that starts with `prefix` inside the VEVENT of `uid`. */
function eventLine(text: string, uid: string, prefix: string): string | undefined {
  const all = lines(text);
  const start = all.indexOf(`UID:${uid}@rukun.example`);
  const end = all.indexOf('END:VEVENT', start);
  return all.slice(start, end).find((l) => l.startsWith(prefix));
}

describe('buildCalendar', () => {
  it('gives each event a UID of its id that stays the same from one file to the next', () => {
    const events = [event({ id: 'ev-1' }), event({ id: 'ev-2', title: 'Webinar' })];
    const first = parse(build(events)).map((e) => e.uid);
    const second = parse(build([...events].reverse(), { now: new Date('2026-12-06T00:00:00Z') })).map((e) => e.uid);
    expect(first.sort()).toEqual(['ev-1@rukun.example', 'ev-2@rukun.example']);
    expect(second.sort()).toEqual(first);
  });

  it('writes SEQUENCE, DTSTAMP (now, in UTC) and METHOD:PUBLISH', () => {
    const text = build([event({ id: 'seq', sequence: 4 })]);
    const parsed = parsedEvent(text, 'seq');
    expect(Number(parsed.sequence)).toBe(4);
    expect(parsed.dtstamp?.toISOString()).toBe(NOW.toISOString());
    expect(eventLine(text, 'seq', 'DTSTAMP')).toBe('DTSTAMP:20261205T080000Z');
    expect(lines(text)).toContain('METHOD:PUBLISH');
  });

  it('marks cancelled events STATUS:CANCELLED and others CONFIRMED', () => {
    const text = build([event({ id: 'off', status: 'cancelled' }), event({ id: 'on' })]);
    expect(parsedEvent(text, 'off').status).toBe('CANCELLED');
    expect(parsedEvent(text, 'on').status).toBe('CONFIRMED');
  });

  it('writes Indonesian zones as local time with their VTIMEZONE (WIB, WITA)', () => {
    const startsAt = new Date('2026-12-20T07:00:00Z');
    const endsAt = new Date('2026-12-20T09:00:00Z');
    const text = build([event({ id: 'jkt', startsAt, endsAt, timezone: 'Asia/Jakarta' }), event({ id: 'mks', startsAt, endsAt, timezone: 'Asia/Makassar' })]);
    expect(eventLine(text, 'jkt', 'DTSTART')).toBe('DTSTART;TZID=Asia/Jakarta:20261220T140000');
    expect(eventLine(text, 'jkt', 'DTEND')).toBe('DTEND;TZID=Asia/Jakarta:20261220T160000');
    expect(eventLine(text, 'mks', 'DTSTART')).toBe('DTSTART;TZID=Asia/Makassar:20261220T150000');
    const all = lines(text);
    expect(all).toContain('TZID:Asia/Jakarta');
    expect(all).toContain('TZNAME:WIB');
    expect(all).toContain('TZID:Asia/Makassar');
    expect(all).toContain('TZNAME:WITA');
    // Each zone's VTIMEZONE once, however many events use it.
    expect(all.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(2);
    for (const id of ['jkt', 'mks']) {
      const parsed = parsedEvent(text, id);
      expect(parsed.start.toISOString()).toBe(startsAt.toISOString());
      expect(parsed.end?.toISOString()).toBe(endsAt.toISOString());
    }
    expect(parsedEvent(text, 'jkt').start.tz).toBe('Asia/Jakarta');
    expect(parsedEvent(text, 'mks').start.tz).toBe('Asia/Makassar');
  });

  it('keeps the wall time right across a daylight-saving change (America/New_York, Europe/Berlin)', () => {
    // 14:00 UTC on either side of 8 March 2026 (New York) and of 29 March 2026 (Berlin).
    const at = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 3_600_000) });
    const text = build([
      event({ id: 'ny-before', timezone: 'America/New_York', ...at('2026-03-07T14:00:00Z') }),
      event({ id: 'ny-after', timezone: 'America/New_York', ...at('2026-03-09T14:00:00Z') }),
      event({ id: 'be-before', timezone: 'Europe/Berlin', ...at('2026-03-28T14:00:00Z') }),
      event({ id: 'be-after', timezone: 'Europe/Berlin', ...at('2026-03-30T14:00:00Z') }),
    ]);
    expect(eventLine(text, 'ny-before', 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20260307T090000');
    expect(eventLine(text, 'ny-after', 'DTSTART')).toBe('DTSTART;TZID=America/New_York:20260309T100000');
    expect(eventLine(text, 'be-before', 'DTSTART')).toBe('DTSTART;TZID=Europe/Berlin:20260328T150000');
    expect(eventLine(text, 'be-after', 'DTSTART')).toBe('DTSTART;TZID=Europe/Berlin:20260330T160000');
    // The VTIMEZONE carries both rules, so a reader without the zone database gets it right too.
    const all = lines(text);
    for (const name of ['EST', 'EDT', 'CET', 'CEST']) expect(all).toContain(`TZNAME:${name}`);
    for (const [id, iso] of [['ny-before', '2026-03-07T14:00:00.000Z'], ['ny-after', '2026-03-09T14:00:00.000Z'], ['be-before', '2026-03-28T14:00:00.000Z'], ['be-after', '2026-03-30T14:00:00.000Z']] as const) {
      expect(parsedEvent(text, id).start.toISOString()).toBe(iso);
    }
    expect(parsedEvent(text, 'ny-after').start.tz).toBe('America/New_York');
  });

  it('escapes commas, semicolons and line breaks, keeps emoji, and folds long lines', () => {
    const title = 'Kopdar, makan; ngobrol 🎉🇮🇩';
    const description = 'Baris satu, dengan koma; dan titik koma\nBaris dua\\miring\r\nBaris tiga '.repeat(4).trim();
    const location = 'Kafe "Rukun", Jl. Sudirman; Lt. 2';
    const text = build([event({ id: 'esc', title, description, location })]);
    const parsed = parsedEvent(text, 'esc');
    expect(parsed.summary).toBe(title);
    expect(parsed.description).toBe(description.replace(/\r\n/g, '\n'));
    expect(parsed.location).toBe(location);
    expect(eventLine(text, 'esc', 'SUMMARY')).toBe('SUMMARY:Kopdar\\, makan\\; ngobrol 🎉🇮🇩');
    // RFC 5545 3.1: no line longer than 75 octets.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('cannot be made to start a new component by text, in an event or in the calendar name', () => {
    const text = build([event({ id: 'inj', title: 'Halo\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil', description: 'x\nBEGIN:VALARM' })], { name: 'Nama\r\nBEGIN:VEVENT\nUID:evil2' });
    expect(parse(text)).toHaveLength(1);
    expect(lines(text).filter((l) => l.startsWith('BEGIN:')).sort()).toEqual(['BEGIN:STANDARD', 'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VTIMEZONE']);
    const calendar = ical.sync.parseICS(text).vcalendar as unknown as { name?: string };
    expect(calendar.name).toBe('Nama\nBEGIN:VEVENT\nUID:evil2');
  });

  it('names the calendar and its zone (X-WR-TIMEZONE), and asks feeds to refresh', () => {
    const text = build([event({ id: 'one' })], { name: 'Acara saya · Rukun', timezone: 'Asia/Makassar', refreshSeconds: 3600 });
    const all = lines(text);
    expect(all).toContain('NAME:Acara saya · Rukun');
    expect(all).toContain('X-WR-CALNAME:Acara saya · Rukun');
    expect(all).toContain('X-WR-TIMEZONE:Asia/Makassar');
    expect(all).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
  });

  it("links the event's page when the client's origin is known, else its online link", () => {
    const withOrigin = build([event({ id: 'u1', onlineUrl: 'https://meet.example/abc' })]);
    expect(urlOf(parsedEvent(withOrigin, 'u1'))).toBe('https://rukun.example/events/u1');
    const without = build([event({ id: 'u2', onlineUrl: 'https://meet.example/abc' })], { clientOrigin: null });
    expect(urlOf(parsedEvent(without, 'u2'))).toBe('https://meet.example/abc');
    // A place and a link: the place is the LOCATION, the link goes into the description.
    expect(parsedEvent(withOrigin, 'u1').location).toBe('Jakarta');
    expect(parsedEvent(withOrigin, 'u1').description).toContain('https://meet.example/abc');
    const onlineOnly = build([event({ id: 'u3', location: null, onlineUrl: 'https://meet.example/abc' })]);
    expect(parsedEvent(onlineOnly, 'u3').location).toBe('https://meet.example/abc');
  });

  it('writes a zone it has no VTIMEZONE for as UTC instants', () => {
    const text = build([event({ id: 'odd', timezone: 'Mars/Olympus_Mons' })]);
    expect(eventLine(text, 'odd', 'DTSTART')).toBe('DTSTART:20261220T070000Z');
    expect(parsedEvent(text, 'odd').start.toISOString()).toBe('2026-12-20T07:00:00.000Z');
  });

  it('gives the same answer whatever zone the server process runs in', () => {
    const before = build([event({ id: 'tz', timezone: 'Asia/Jayapura' })]);
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(build([event({ id: 'tz', timezone: 'Asia/Jayapura' })])).toBe(before);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(eventLine(before, 'tz', 'DTSTART')).toBe('DTSTART;TZID=Asia/Jayapura:20261220T160000');
  });
});

describe('calendar helpers', () => {
  it('makes ASCII file names from titles', () => {
    expect(calendarFileName('Kopdar Akbar: Jakarta 2026!')).toBe('kopdar-akbar-jakarta-2026.ics');
    expect(calendarFileName('Café Señor')).toBe('cafe-senor.ics');
    expect(calendarFileName('🎉🎉')).toBe('event.ics');
    expect(calendarFileName('"; filename=evil.exe')).toBe('filename-evil-exe.ics');
  });

  it('picks the zone most events use', () => {
    expect(dominantTimezone([], 'Asia/Jakarta')).toBe('Asia/Jakarta');
    expect(dominantTimezone([{ timezone: 'Asia/Makassar' }, { timezone: 'Asia/Jakarta' }, { timezone: 'Asia/Makassar' }], 'Asia/Jakarta')).toBe('Asia/Makassar');
  });

  it('redacts feed tokens from logged URLs, in any letter case', () => {
    expect(redactUrl('/api/calendar/abcDEF_-123.ics')).toBe('/api/calendar/[Redacted]');
    expect(redactUrl('/API/Calendar/abcDEF.ics?x=1')).toBe('/API/Calendar/[Redacted]?x=1');
    expect(redactUrl('/api/communities/kopi/calendar?from=2026-01-01')).toBe('/api/communities/kopi/calendar?from=2026-01-01');
    expect(redactUrl('/api/events/1/ics')).toBe('/api/events/1/ics');
    expect(serializeRequest({ url: '/api/calendar/secret.ics', params: { token: 'secret' } })).toEqual({ url: '/api/calendar/[Redacted]', params: { token: '[Redacted]' } });
  });
});
