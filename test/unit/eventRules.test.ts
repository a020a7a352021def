// The event rules on their own (server/lib/eventRules.ts) and through the create and edit schemas: every limit on
// both sides of its edge, and the message naming its field in both languages.
import { describe, expect, it } from 'vitest';
import {
  EVENT_LIMITS,
  capacityProblem,
  checkTimezone,
  onlineUrlProblem,
  parseInstant,
  remindersProblem,
  scheduleProblems,
  textProblem,
} from '../../server/lib/eventRules';
import { createEventBody, listEventsQuery, updateEventBody } from '../../server/routes/events/eventSchemas';

const now = new Date('2026-12-05T03:00:00.000Z');
const clock = () => now;
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;

describe('time zones', () => {
  it('accepts IANA names and stores their canonical spelling', () => {
    expect(checkTimezone('Asia/Jakarta')).toEqual({ zone: 'Asia/Jakarta' });
    expect(checkTimezone('asia/makassar')).toEqual({ zone: 'Asia/Makassar' });
    expect(checkTimezone('Asia/Jayapura')).toEqual({ zone: 'Asia/Jayapura' });
    expect(checkTimezone('Europe/Berlin')).toEqual({ zone: 'Europe/Berlin' });
    expect(checkTimezone('UTC')).toEqual({ zone: 'UTC' });
  });

  it('refuses abbreviations, offsets, nonsense and over-long names, naming the field', () => {
    for (const bad of ['WIB', 'WITA', 'WIT', '+07:00', 'Mars/Olympus', '', 'x'.repeat(65), 'Asia/Jakarta\u0000']) {
      const checked = checkTimezone(bad);
      expect('problem' in checked, bad).toBe(true);
      if ('problem' in checked) {
        expect(checked.problem.field).toBe('timezone');
        expect(checked.problem.messages.en).toMatch(/time zone/i);
        expect(checked.problem.messages.id).toMatch(/Zona waktu/);
      }
    }
    // Legacy links that are abbreviations hide DST rules: refused as abbreviations.
    for (const abbreviation of ['EST', 'GMT', 'CET']) {
      const checked = checkTimezone(abbreviation);
      expect('problem' in checked && checked.problem.reason, abbreviation).toBe('timezone_abbreviation');
    }
  });
});

describe('instants', () => {
  it('parses ISO instants with Z or an offset', () => {
    expect(parseInstant('2027-01-31T19:00:00Z')?.toISOString()).toBe('2027-01-31T19:00:00.000Z');
    expect(parseInstant('2027-01-31T19:00+07:00')?.toISOString()).toBe('2027-01-31T12:00:00.000Z');
    expect(parseInstant('2027-01-31T19:00:00.123456Z')?.toISOString()).toBe('2027-01-31T19:00:00.123Z');
  });

  it('refuses dates that do not exist and strings that are not instants', () => {
    for (const bad of ['2027-02-30T10:00:00Z', '2027-13-01T10:00:00Z', '2027-01-31T25:00:00Z', '2027-01-31T19:00:00', '2027-01-31', 'tomorrow', '', '1738350000']) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });
});

describe('schedule', () => {
  const start = at('2026-12-10T12:00:00Z');
  it('wants the end after the start', () => {
    expect(scheduleProblems({ startsAt: start, endsAt: start, now, startChanged: true }).map((p) => [p.field, p.reason])).toEqual([['endsAt', 'ends_before_start']]);
    expect(scheduleProblems({ startsAt: start, endsAt: new Date(start.getTime() + 1), now, startChanged: true })).toEqual([]);
  });

  it('allows 14 days and not a minute more', () => {
    const fourteen = new Date(start.getTime() + EVENT_LIMITS.durationMaxMs);
    expect(scheduleProblems({ startsAt: start, endsAt: fourteen, now, startChanged: true })).toEqual([]);
    const tooLong = scheduleProblems({ startsAt: start, endsAt: new Date(fourteen.getTime() + minutes(1)), now, startChanged: true });
    expect(tooLong.map((p) => p.reason)).toEqual(['too_long']);
    expect(tooLong[0]?.messages.en).toMatch(/^The end .*14 days/);
    expect(tooLong[0]?.messages.id).toMatch(/^Waktu selesai .*14 hari/);
  });

  it('refuses a new start in the past, allows an unchanged one', () => {
    const past = at('2026-12-05T02:00:00Z');
    const end = at('2026-12-05T05:00:00Z');
    expect(scheduleProblems({ startsAt: past, endsAt: end, now, startChanged: true }).map((p) => [p.field, p.reason])).toEqual([['startsAt', 'starts_in_past']]);
    expect(scheduleProblems({ startsAt: past, endsAt: end, now, startChanged: false })).toEqual([]);
    // A few minutes of grace for a form filled in "for now".
    expect(scheduleProblems({ startsAt: new Date(now.getTime() - minutes(4)), endsAt: end, now, startChanged: true })).toEqual([]);
  });

  it('starts at most two years ahead', () => {
    const twoYears = at('2028-12-05T03:00:00Z');
    expect(scheduleProblems({ startsAt: twoYears, endsAt: new Date(twoYears.getTime() + minutes(60)), now, startChanged: true })).toEqual([]);
    const later = new Date(twoYears.getTime() + minutes(1));
    expect(scheduleProblems({ startsAt: later, endsAt: new Date(later.getTime() + minutes(60)), now, startChanged: true }).map((p) => p.reason)).toEqual(['too_far_ahead']);
  });
});

describe('capacity, reminders, links and text', () => {
  it('capacity is a whole number 1..100000', () => {
    for (const ok of [1, 50, 100_000]) expect(capacityProblem(ok)).toBeNull();
    for (const bad of [0, -1, 1.5, 100_001, 1e300, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) expect(capacityProblem(bad)?.field, String(bad)).toBe('capacity');
  });

  it('reminders: at most five distinct whole minutes from 1 to 28 days', () => {
    expect(remindersProblem([])).toBeNull();
    expect(remindersProblem([1, 60, 1440, 10080, 40320])).toBeNull();
    expect(remindersProblem([1, 2, 3, 4, 5, 6])?.reason).toBe('reminders_too_many');
    expect(remindersProblem([0])?.reason).toBe('reminder_range');
    expect(remindersProblem([40321])?.reason).toBe('reminder_range');
    expect(remindersProblem([2.5])?.reason).toBe('reminder_range');
    expect(remindersProblem([60, 60])?.reason).toBe('reminders_duplicate');
  });

  it('online links are http(s) URLs of at most 2000 characters', () => {
    expect(onlineUrlProblem('https://meet.example.com/kopdar')).toBeNull();
    expect(onlineUrlProblem('http://zoom.example/j/1')).toBeNull();
    for (const bad of ['javascript:alert(1)', 'ftp://example.com', 'meet.example.com', 'https://', `https://example.com/${'a'.repeat(2000)}`, 'https://exa mple.com']) {
      expect(onlineUrlProblem(bad)?.field, bad).toBe('onlineUrl');
    }
  });

  it('text is bounded and well-formed', () => {
    expect(textProblem('title', 'Kopdar', { min: 1, max: 200 })).toBeNull();
    expect(textProblem('title', '', { min: 1, max: 200 })?.reason).toBe('text_length');
    expect(textProblem('title', 'x'.repeat(201), { min: 1, max: 200 })?.reason).toBe('text_length');
    // Counted in characters, not UTF-16 units: 200 emoji fit.
    expect(textProblem('title', '🎉'.repeat(200), { min: 1, max: 200 })).toBeNull();
    expect(textProblem('title', 'a\u0000b', { min: 1, max: 200 })?.reason).toBe('text_invalid');
    expect(textProblem('title', 'a\uD800b', { min: 1, max: 200 })?.reason).toBe('text_invalid');
  });
});

describe('the create schema', () => {
  const schema = createEventBody(clock);
  const valid = { title: '  Kopdar Desember  ', startsAt: '2026-12-20T12:00:00Z', endsAt: '2026-12-20T15:00:00Z', timezone: 'Asia/Jakarta' };

  it('parses a valid body: trimmed, dates as Dates, defaults', () => {
    const parsed = schema.parse({ ...valid, reminders: [60, 1440], capacity: 30, location: ' ', onlineUrl: '' });
    expect(parsed).toMatchObject({ title: 'Kopdar Desember', timezone: 'Asia/Jakarta', capacity: 30, reminders: [60, 1440], location: null, onlineUrl: null });
    expect(parsed.startsAt).toEqual(at('2026-12-20T12:00:00Z'));
    const { timezone: _zone, ...withoutZone } = valid;
    expect(schema.parse(withoutZone).timezone).toBe('Asia/Jakarta');
  });

  it('reports each problem at its field with a reason', () => {
    const result = schema.safeParse({ ...valid, timezone: 'WIB', capacity: 100_001, reminders: [60, 60], onlineUrl: 'javascript:alert(1)', title: '   ' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), (i as { params?: { reason?: string } }).params?.reason]) ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        ['title', 'text_length'],
        ['timezone', 'timezone_invalid'],
        ['capacity', 'capacity_range'],
        ['reminders', 'reminders_duplicate'],
        ['onlineUrl', 'url_invalid'],
      ]),
    );
  });

  it('checks start and end together and against the clock', () => {
    const reasons = (body: object) => schema.safeParse(body).error?.issues.map((i) => [i.path.join('.'), (i as { params?: { reason?: string } }).params?.reason]);
    expect(reasons({ ...valid, endsAt: '2026-12-20T11:00:00Z' })).toEqual([['endsAt', 'ends_before_start']]);
    expect(reasons({ ...valid, startsAt: '2026-12-01T12:00:00Z', endsAt: '2026-12-01T15:00:00Z' })).toEqual([['startsAt', 'starts_in_past']]);
    expect(reasons({ ...valid, startsAt: '2026-02-30T12:00:00Z' })).toEqual([['startsAt', 'instant_invalid']]);
  });

  it('refuses unknown fields and wrong types', () => {
    expect(schema.safeParse({ ...valid, capacty: 10 }).error?.issues[0]?.code).toBe('unrecognized_keys');
    for (const bad of [{ capacity: '10' }, { capacity: 1e308 }, { reminders: 60 }, { reminders: ['60'] }, { title: 42 }, { startsAt: 1767225600000 }, { timezone: null }]) {
      expect(schema.safeParse({ ...valid, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('the edit schema and the list query', () => {
  it('accepts nulls that clear, a sequence, and refuses an empty edit', () => {
    expect(updateEventBody.parse({ location: null, onlineUrl: null, capacity: null, sequence: 3 })).toEqual({ location: null, onlineUrl: null, capacity: null, sequence: 3 });
    expect(updateEventBody.safeParse({}).success).toBe(false);
    expect(updateEventBody.safeParse({ sequence: 1 }).success).toBe(false);
    expect(updateEventBody.safeParse({ sequence: -1, title: 'x' }).success).toBe(false);
    expect(updateEventBody.safeParse({ title: null }).success).toBe(false);
  });

  it('list query: limit 1..100 (default 50), from before to', () => {
    expect(listEventsQuery.parse({})).toEqual({ limit: 50 });
    expect(listEventsQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(listEventsQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(listEventsQuery.safeParse({ from: '2027-01-02T00:00:00Z', to: '2027-01-01T00:00:00Z' }).success).toBe(false);
    expect(listEventsQuery.safeParse({ from: 'yesterday' }).success).toBe(false);
  });
});
