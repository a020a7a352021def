// The content calendar's pure pieces: wall-clock slots in a community's zone, the days a view covers, the range asked
// of the API, entries grouped by local day, and the calendar's path.
import { describe, expect, it } from 'vitest';
import type { CommunityEvent, Post } from '../../server/contracts/api';
import { entriesByDay } from '../../client/src/calendar/CalendarDays';
import { communityZone } from '../../client/src/calendar/communityZone';
import { calendarPath, matchCalendarRoute } from '../../client/src/calendar/routes';
import { excerpt, formatAt, periodDays, periodRange, shiftAnchor, slotOf, slotToInstant, suggestedSlot } from '../../client/src/calendar/scheduleTime';

const NOW = new Date('2026-12-05T12:10:00Z');

describe('schedule slots', () => {
  it('reads and writes wall-clock times in WIB, WITA and WIT', () => {
    expect(slotToInstant({ date: '2026-12-06', time: '08:00' }, 'Asia/Jakarta', NOW)).toEqual({ ok: true, iso: '2026-12-06T01:00:00.000Z' });
    expect(slotToInstant({ date: '2026-12-06', time: '08:00' }, 'Asia/Makassar', NOW)).toEqual({ ok: true, iso: '2026-12-06T00:00:00.000Z' });
    expect(slotToInstant({ date: '2026-12-06', time: '08:00' }, 'Asia/Jayapura', NOW)).toEqual({ ok: true, iso: '2026-12-05T23:00:00.000Z' });
    expect(slotOf('2026-12-05T23:00:00.000Z', 'Asia/Jayapura')).toEqual({ date: '2026-12-06', time: '08:00' });
  });

  it('refuses a time that has passed and one that is not a time', () => {
    expect(slotToInstant({ date: '2026-12-05', time: '19:00' }, 'Asia/Jakarta', NOW)).toEqual({ ok: false, problem: 'past' });
    expect(slotToInstant({ date: '2026-02-30', time: '10:00' }, 'Asia/Jakarta', NOW)).toEqual({ ok: false, problem: 'invalid' });
    expect(slotToInstant({ date: '', time: '10:00' }, 'Asia/Jakarta', NOW)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('suggests the next full hour at least an hour ahead, in the zone', () => {
    // 19:10 WIB -> 21:00 WIB.
    expect(suggestedSlot(NOW, 'Asia/Jakarta')).toEqual({ date: '2026-12-05', time: '21:00' });
  });

  it('spells a time out with the zone name', () => {
    expect(formatAt('2026-12-06T01:00:00.000Z', 'Asia/Jakarta', 'id')).toMatch(/6 Des 2026, 08\.00 WIB$/);
    expect(formatAt('2026-12-06T01:00:00.000Z', 'Asia/Makassar', 'en')).toMatch(/6 Dec 2026, 09:00 WITA$/);
  });

  it('falls back to WIB for a community whose zone is not a zone', () => {
    const settings = (timezone: string) => ({ settings: { digest: { cadence: 'off', hour: 8, weekday: null, timezone } } }) as Parameters<typeof communityZone>[0];
    expect(communityZone(settings('Asia/Makassar'))).toBe('Asia/Makassar');
    expect(communityZone(settings('Mars/Olympus'))).toBe('Asia/Jakarta');
  });
});

describe('calendar periods', () => {
  it('covers a week from Monday and a whole month', () => {
    expect(periodDays('week', '2026-12-05')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    const february = periodDays('month', '2027-02-14');
    expect([february[0], february.at(-1), february.length]).toEqual(['2027-02-01', '2027-02-28', 28]);
    expect(shiftAnchor('week', '2026-12-05', 1)).toBe('2026-12-12');
    expect(shiftAnchor('month', '2026-12-31', -1)).toBe('2026-11-01');
  });

  it('asks the API from the first local midnight to the one after the last day', () => {
    expect(periodRange(['2026-12-01', '2026-12-02'], 'Asia/Jakarta')).toEqual({ from: '2026-11-30T17:00:00.000Z', to: '2026-12-02T17:00:00.000Z' });
  });

  it('groups posts and events by their local day, in time order', () => {
    const post = { id: 'p1', publishAt: '2026-12-05T17:30:00.000Z', title: null, body: 'Malam' } as Post;
    const event = { id: 'e1', startsAt: '2026-12-06T02:00:00.000Z' } as CommunityEvent;
    const early = { id: 'p2', publishAt: '2026-12-06T00:30:00.000Z', title: null, body: 'Pagi' } as Post;
    const byDay = entriesByDay({ scheduledPosts: [post, early], events: [event] }, 'Asia/Jakarta');
    // 17:30 UTC is 00:30 WIB the next day.
    expect([...byDay.keys()]).toEqual(['2026-12-06']);
    expect(byDay.get('2026-12-06')?.map((e) => (e.kind === 'post' ? e.post.id : e.event.id))).toEqual(['p1', 'p2', 'e1']);
  });

  it('shortens long first lines', () => {
    expect(excerpt({ title: null, body: `${'a'.repeat(100)}\nkedua` }, 10)).toBe('aaaaaaaaa…');
    expect(excerpt({ title: 'Judul', body: 'Isi' })).toBe('Judul');
  });
});

describe('calendar route', () => {
  it('round-trips view and day, and ignores garbage', () => {
    expect(matchCalendarRoute({ pathname: '/c/warga-bogor/calendar', search: '' })).toEqual({ slug: 'warga-bogor', view: 'week', at: null });
    const path = calendarPath('warga bogor', { view: 'month', at: '2026-12-05' });
    const [pathname, search] = path.split('?');
    expect(matchCalendarRoute({ pathname: pathname ?? '', search: `?${search}` })).toEqual({ slug: 'warga bogor', view: 'month', at: '2026-12-05' });
    expect(matchCalendarRoute({ pathname: '/c/x/calendar', search: '?view=year&at=besok' })).toEqual({ slug: 'x', view: 'week', at: null });
    expect(matchCalendarRoute({ pathname: '/c/%E0%A4%A/calendar', search: '' })).toBeNull();
    expect(matchCalendarRoute({ pathname: '/c/x/events', search: '' })).toBeNull();
  });
});
