// The web client's event time helpers (client/src/events/zones.ts, eventTime.ts): Indonesia's zones by their own
// names, other zones by abbreviation or offset (also across daylight saving time), and the month calendar grid.
import { describe, expect, it } from 'vitest';
import { formatRange, monthGrid, monthRange, eventDay } from '../../client/src/events/eventTime';
import { isValidZone, offsetLabel, zoneChoices, zoneLabel, zoneOptionLabel, zonesDiffer, ZONE_CHOICES } from '../../client/src/events/zones';

describe('zoneLabel', () => {
  it('names Indonesia\'s three zones WIB, WITA and WIT, Pontianak included in WIB', () => {
    expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel('Asia/Pontianak')).toBe('WIB');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
  });

  it('follows daylight saving time in zones that have it', () => {
    expect(zoneLabel('Europe/Berlin', '2026-01-15T12:00:00Z')).toBe('CET');
    expect(zoneLabel('Europe/Berlin', '2026-07-15T12:00:00Z')).toBe('CEST');
    expect(zoneLabel('America/New_York', '2026-01-15T12:00:00Z')).toBe('EST');
    expect(zoneLabel('America/New_York', '2026-07-15T12:00:00Z')).toBe('EDT');
    expect(zoneLabel('Australia/Sydney', '2026-01-15T12:00:00Z')).toBe('AEDT');
  });

  it('falls back to the UTC offset where the platform has no abbreviation', () => {
    expect(zoneLabel('Asia/Singapore', '2026-01-15T12:00:00Z')).toBe('UTC+8');
    expect(zoneLabel('Asia/Kolkata', '2026-01-15T12:00:00Z')).toBe('UTC+5:30');
    expect(zoneLabel('UTC', '2026-01-15T12:00:00Z')).toBe('UTC');
  });

  it('writes offsets with sign, hours and minutes only when needed', () => {
    expect(offsetLabel(420)).toBe('UTC+7');
    expect(offsetLabel(-210)).toBe('UTC-3:30');
    expect(offsetLabel(345)).toBe('UTC+5:45');
    expect(offsetLabel(0)).toBe('UTC');
  });
});

describe('zone choices', () => {
  it('lists WIB, WITA and WIT first and labels them with city and offset', () => {
    expect(ZONE_CHOICES.slice(0, 3)).toEqual(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);
    expect(zoneOptionLabel('Asia/Jakarta')).toBe('WIB · Jakarta (UTC+7)');
    expect(zoneOptionLabel('Asia/Makassar')).toBe('WITA · Makassar (UTC+8)');
    expect(zoneOptionLabel('Asia/Jayapura')).toBe('WIT · Jayapura (UTC+9)');
    expect(zoneOptionLabel('Asia/Kuala_Lumpur', '2026-01-15T12:00:00Z')).toBe('Kuala Lumpur (UTC+8)');
  });

  it('adds the event\'s and the viewer\'s zone when missing, once, and ignores unknown names', () => {
    const zones = zoneChoices(['Asia/Pontianak', 'Asia/Jakarta', 'Mars/Olympus', null, 'Asia/Pontianak']);
    expect(zones.filter((z) => z === 'Asia/Pontianak')).toHaveLength(1);
    expect(zones.filter((z) => z === 'Asia/Jakarta')).toHaveLength(1);
    expect(zones).not.toContain('Mars/Olympus');
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
  });

  it('tells zones apart by their wall clock, not their names', () => {
    expect(zonesDiffer('Asia/Jakarta', 'Asia/Pontianak', '2026-12-12T12:00:00Z')).toBe(false);
    expect(zonesDiffer('Asia/Jakarta', 'Asia/Makassar', '2026-12-12T12:00:00Z')).toBe(true);
  });
});

describe('formatRange', () => {
  it('writes a same-day event once with the zone name, in Indonesian and English', () => {
    const event = { startsAt: '2026-12-12T12:00:00Z', endsAt: '2026-12-12T14:00:00Z' };
    expect(formatRange({ ...event, zone: 'Asia/Jakarta', locale: 'id' })).toBe('Sab, 12 Des 2026, 19.00–21.00 WIB');
    expect(formatRange({ ...event, zone: 'Asia/Jayapura', locale: 'en' })).toBe('Sat, 12 Dec 2026, 21:00–23:00 WIT');
  });

  it('names both zone abbreviations when an event spans a daylight saving change', () => {
    const text = formatRange({ startsAt: '2026-03-28T12:00:00Z', endsAt: '2026-03-29T14:00:00Z', zone: 'Europe/Berlin', locale: 'en' });
    expect(text).toBe('Sat, 28 Mar 2026, 13:00 CET – Sun, 29 Mar 2026, 16:00 CEST');
  });

  it('places an event on its own zone\'s day (late evening WIT is the next UTC day\'s morning elsewhere)', () => {
    expect(eventDay({ startsAt: '2026-12-12T16:00:00Z', timezone: 'Asia/Jayapura' })).toBe('2026-12-13');
    expect(eventDay({ startsAt: '2026-12-12T16:00:00Z', timezone: 'America/New_York' })).toBe('2026-12-12');
  });
});

describe('monthGrid', () => {
  it('covers the month in Monday-first weeks', () => {
    const weeks = monthGrid('2026-12');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toEqual({ day: '2026-11-30', dayOfMonth: 30, inMonth: false });
    expect(weeks[4]?.[3]).toEqual({ day: '2026-12-31', dayOfMonth: 31, inMonth: true });
    expect(weeks.flat().filter((cell) => cell.inMonth)).toHaveLength(31);
    // February 2027 starts on a Monday and fits four weeks exactly.
    expect(monthGrid('2027-02')).toHaveLength(4);
  });

  it('asks the API for the grid plus a day either side', () => {
    expect(monthRange('2026-12')).toEqual({ from: '2026-11-29T00:00:00.000Z', to: '2027-01-05T00:00:00.000Z' });
  });
});
