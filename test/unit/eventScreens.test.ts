// Pure pieces behind the events screens' UX fixes: reminders in whole units in both languages, the check-in window
// the screens announce (mirroring the server's 24 hours either side), the instant in the event's own zone, and the
// QR code's link to the check-in screen with the code read back from its query.
import { describe, expect, it } from 'vitest';
import { CHECKIN_WINDOW_MS as SERVER_WINDOW_MS } from '../../server/commands/checkInAttendee';
import { checkInLink, codeFromSearch } from '../../client/src/events/checkInLink';
import { CHECKIN_WINDOW_MS, checkInWindow, formatInstantIn } from '../../client/src/events/checkInWindow';
import { evEn } from '../../client/src/events/i18n/en';
import { evId } from '../../client/src/events/i18n/id';
import type { EvDictionary, EvPluralBase } from '../../client/src/events/i18n/types';
import { reminderText } from '../../client/src/events/reminderText';
import { interpolate } from '../../client/src/i18n/format';

function pluralOf(dictionary: EvDictionary, locale: string): (base: EvPluralBase, count: number) => string {
  const rules = new Intl.PluralRules(locale);
  return (base, count) => interpolate(dictionary[`${base}_${rules.select(count) === 'one' ? 'one' : 'other'}`], { count: String(count) });
}

describe('reminderText', () => {
  const en = pluralOf(evEn, 'en');
  const id = pluralOf(evId, 'id');

  it('uses the largest unit that divides the offset', () => {
    expect(reminderText(10_080, en)).toBe('1 week before');
    expect(reminderText(1_440, en)).toBe('1 day before');
    expect(reminderText(2_880, en)).toBe('2 days before');
    expect(reminderText(60, en)).toBe('1 hour before');
    expect(reminderText(120, en)).toBe('2 hours before');
    expect(reminderText(30, en)).toBe('30 minutes before');
    expect(reminderText(1, en)).toBe('1 minute before');
  });

  it('keeps minutes when no larger unit is whole', () => {
    expect(reminderText(90, en)).toBe('90 minutes before');
    expect(reminderText(1_530, en)).toBe('1530 minutes before');
    expect(reminderText(1_500, en)).toBe('25 hours before');
  });

  it('speaks Indonesian: "1 jam", "1 hari", not "60 menit"', () => {
    expect(reminderText(60, id)).toBe('1 jam sebelumnya');
    expect(reminderText(1_440, id)).toBe('1 hari sebelumnya');
    expect(reminderText(10_080, id)).toBe('1 minggu sebelumnya');
    expect(reminderText(30, id)).toBe('30 menit sebelumnya');
  });
});

describe('checkInWindow', () => {
  const event = { startsAt: '2026-12-12T02:00:00.000Z', endsAt: '2026-12-12T04:00:00.000Z', status: 'scheduled' as const };

  it('is the same window as the server enforces', () => {
    expect(CHECKIN_WINDOW_MS).toBe(SERVER_WINDOW_MS);
  });

  it('opens 24 hours before the start and closes 24 hours after the end', () => {
    expect(checkInWindow(event, new Date('2026-12-11T01:59:59.000Z'))).toEqual({
      phase: 'before',
      opensAt: '2026-12-11T02:00:00.000Z',
      closesAt: '2026-12-13T04:00:00.000Z',
    });
    expect(checkInWindow(event, new Date('2026-12-11T02:00:00.000Z')).phase).toBe('open');
    expect(checkInWindow(event, new Date('2026-12-13T04:00:00.000Z')).phase).toBe('open');
    expect(checkInWindow(event, new Date('2026-12-13T04:00:01.000Z')).phase).toBe('after');
  });

  it('is never open for a cancelled event', () => {
    expect(checkInWindow({ ...event, status: 'cancelled' }, new Date('2026-12-12T03:00:00.000Z')).phase).toBe('cancelled');
  });
});

describe('formatInstantIn', () => {
  it('writes the instant in the event\'s zone with its Indonesian name', () => {
    expect(formatInstantIn({ iso: '2026-12-11T02:00:00.000Z', zone: 'Asia/Makassar', locale: 'en' })).toBe('Fri, 11 Dec 2026, 10:00 WITA');
    expect(formatInstantIn({ iso: '2026-12-11T02:00:00.000Z', zone: 'Asia/Jakarta', locale: 'id' })).toBe('Jum, 11 Des 2026, 09.00 WIB');
  });
});

describe('check-in link', () => {
  it('points a phone camera at the check-in screen with the code', () => {
    expect(checkInLink('https://rukun.example', 'ev 1', 'ABCD2345')).toBe('https://rukun.example/events/ev%201/checkin?code=ABCD2345');
  });

  it('reads the code back, forgiving case, spaces and dashes, and ignoring anything else', () => {
    expect(codeFromSearch('?code=ABCD2345')).toBe('ABCD2345');
    expect(codeFromSearch('?code=abcd-2345')).toBe('ABCD2345');
    expect(codeFromSearch('?code=ABCD%202345')).toBe('ABCD2345');
    expect(codeFromSearch('?code=<script>')).toBe('SCRIPT');
    expect(codeFromSearch('')).toBe('');
    expect(codeFromSearch('?other=1')).toBe('');
  });
});
