// Which reminder jobs an event owes at a given moment (planEventReminders), and whether a planned reminder is still
// owed when its job runs (reminderSkipReason). Pure functions, fixed clock.
import { describe, expect, it } from 'vitest';
import type { JobRequest } from '../../server/commands/outcome';
import { planEventReminders } from '../../server/commands/planEventReminders';
import { reminderSkipReason } from '../../server/commands/sendEventReminder';
import { eventReminderJobId } from '../../server/contracts/jobs';

const minute = 60_000;
const now = new Date('2026-12-05T08:00:00.000Z');
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * minute);
const event = (over: Partial<{ startsAt: Date; reminders: number[]; status: string }> = {}) => ({
  id: 'ev-1',
  startsAt: at(48 * 60),
  reminders: [1440, 60],
  status: 'scheduled',
  ...over,
});

describe('planEventReminders', () => {
  it('plans one delayed job per offset, due that many minutes before the start', () => {
    const jobs = planEventReminders(event(), now);
    expect(jobs).toEqual([
      { queue: 'events', name: 'reminder', data: { eventId: 'ev-1', offsetMinutes: 1440, startsAt: at(2880).toISOString() }, delayMs: 1440 * minute },
      { queue: 'events', name: 'reminder', data: { eventId: 'ev-1', offsetMinutes: 60, startsAt: at(2880).toISOString() }, delayMs: 2820 * minute },
    ]);
  });

  it('plans a repeated offset once', () => {
    expect(planEventReminders(event({ reminders: [60, 60, 15] }), now).map((j) => j.data)).toEqual([
      { eventId: 'ev-1', offsetMinutes: 60, startsAt: at(2880).toISOString() },
      { eventId: 'ev-1', offsetMinutes: 15, startsAt: at(2880).toISOString() },
    ]);
  });

  it('makes an offset whose time has passed due now while the event has not begun', () => {
    // Starts in 30 minutes: the day-before reminder is late (due at once), the 15-minute one is still ahead.
    const jobs = planEventReminders(event({ startsAt: at(30), reminders: [1440, 60, 15] }), now);
    expect(jobs.map((j) => ['offsetMinutes' in j.data ? j.data.offsetMinutes : null, j.delayMs])).toEqual([
      [1440, 0],
      [60, 0],
      [15, 15 * minute],
    ]);
  });

  it('owes nothing once the event has begun, or exactly at its start', () => {
    expect(planEventReminders(event({ startsAt: at(-1) }), now)).toEqual([]);
    expect(planEventReminders(event({ startsAt: now }), now)).toEqual([]);
  });

  it('owes nothing for a cancelled event, or one without reminders', () => {
    expect(planEventReminders(event({ status: 'cancelled' }), now)).toEqual([]);
    expect(planEventReminders(event({ reminders: [] }), now)).toEqual([]);
  });

  it('gives a moved event new job ids, and the same start the same ids', () => {
    const ids = (jobs: JobRequest[]) => jobs.map((j) => (j.queue === 'events' && j.name === 'reminder' ? eventReminderJobId(j.data) : 'not a reminder'));
    const before = ids(planEventReminders(event(), now));
    const again = ids(planEventReminders(event(), at(10)));
    const moved = ids(planEventReminders(event({ startsAt: at(72 * 60) }), now));
    expect(before).toHaveLength(2);
    expect(again).toEqual(before);
    expect(moved.some((id) => before.includes(id))).toBe(false);
  });
});

describe('reminderSkipReason', () => {
  const startsAt = at(120);
  const job = { eventId: 'ev-1', offsetMinutes: 60, startsAt: startsAt.toISOString() };
  const row = (over: Partial<{ status: string; startsAt: Date; reminders: string }> = {}) => ({ status: 'scheduled', startsAt, reminders: '[1440,60]', ...over });

  it('is null for a reminder still owed, including one whose time passed before the start', () => {
    expect(reminderSkipReason(row(), job, now)).toBeNull();
    expect(reminderSkipReason(row(), job, at(119))).toBeNull();
  });

  it('names why a reminder is no longer owed', () => {
    expect(reminderSkipReason(null, job, now)).toBe('gone');
    expect(reminderSkipReason(row({ status: 'cancelled' }), job, now)).toBe('cancelled');
    expect(reminderSkipReason(row({ startsAt: at(180) }), job, now)).toBe('moved');
    expect(reminderSkipReason(row({ reminders: '[1440]' }), job, now)).toBe('offset_removed');
    expect(reminderSkipReason(row(), job, at(120))).toBe('begun');
    expect(reminderSkipReason(row(), job, at(200))).toBe('begun');
  });
});
