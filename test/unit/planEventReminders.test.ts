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
const event = (over: Partial<{ startsAt: Date; reminders: number[]; status: string; sequence: number }> = {}) => ({
  id: 'ev-1',
  startsAt: at(48 * 60),
  reminders: [1440, 60],
  status: 'scheduled',
  sequence: 0,
  ...over,
});
const offsetsAndDelays = (jobs: JobRequest[]) => jobs.map((j) => [j.queue === 'events' && j.name === 'reminder' ? j.data.offsetMinutes : null, j.delayMs]);

describe('planEventReminders', () => {
  it('plans one delayed job per offset, due that many minutes before the start', () => {
    const jobs = planEventReminders(event(), now);
    expect(jobs).toEqual([
      { queue: 'events', name: 'reminder', data: { eventId: 'ev-1', offsetMinutes: 1440, startsAt: at(2880).toISOString(), sequence: 0 }, delayMs: 1440 * minute },
      { queue: 'events', name: 'reminder', data: { eventId: 'ev-1', offsetMinutes: 60, startsAt: at(2880).toISOString(), sequence: 0 }, delayMs: 2820 * minute },
    ]);
  });

  it('plans a repeated offset once', () => {
    expect(planEventReminders(event({ reminders: [60, 60, 15] }), now).map((j) => j.data)).toEqual([
      { eventId: 'ev-1', offsetMinutes: 60, startsAt: at(2880).toISOString(), sequence: 0 },
      { eventId: 'ev-1', offsetMinutes: 15, startsAt: at(2880).toISOString(), sequence: 0 },
    ]);
  });

  it('makes only the nearest offset whose time has passed due now, the rest of the passed ones not at all', () => {
    // Starts in 30 minutes: the week-, day- and hour-before reminders are all late; only the hour-before one (due most
    // recently) is caught up at once, the 15-minute one is still ahead.
    expect(offsetsAndDelays(planEventReminders(event({ startsAt: at(30), reminders: [10080, 1440, 60, 15] }), now))).toEqual([
      [60, 0],
      [15, 15 * minute],
    ]);
    // An offset due exactly now counts as passed: it is the catch-up, and the older one is dropped.
    expect(offsetsAndDelays(planEventReminders(event({ startsAt: at(60), reminders: [1440, 60] }), now))).toEqual([[60, 0]]);
    // The one passed offset is caught up even with a nearer one still ahead (that one is due later, on its own).
    expect(offsetsAndDelays(planEventReminders(event({ startsAt: at(61), reminders: [1440, 60] }), now))).toEqual([
      [1440, 0],
      [60, minute],
    ]);
    // Every offset still ahead: all planned, no catch-up.
    expect(offsetsAndDelays(planEventReminders(event({ startsAt: at(1441), reminders: [1440, 60] }), now))).toEqual([
      [1440, minute],
      [60, 1381 * minute],
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

  it('gives the same start a new job id at a new sequence (an event moved A -> B -> A)', () => {
    const ids = (jobs: JobRequest[]) => jobs.map((j) => (j.queue === 'events' && j.name === 'reminder' ? eventReminderJobId(j.data) : 'not a reminder'));
    const first = ids(planEventReminders(event({ sequence: 0 }), now));
    const back = ids(planEventReminders(event({ sequence: 2 }), now));
    expect(back).toHaveLength(2);
    expect(back.some((id) => first.includes(id))).toBe(false);
    expect(planEventReminders(event({ sequence: 2 }), now).map((j) => j.data)).toEqual([
      { eventId: 'ev-1', offsetMinutes: 1440, startsAt: at(2880).toISOString(), sequence: 2 },
      { eventId: 'ev-1', offsetMinutes: 60, startsAt: at(2880).toISOString(), sequence: 2 },
    ]);
  });
});

describe('reminderSkipReason', () => {
  const startsAt = at(120);
  const job = { eventId: 'ev-1', offsetMinutes: 60, startsAt: startsAt.toISOString(), sequence: 0 };
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

  it('skips a late reminder as superseded once a smaller offset of the event is due too', () => {
    // Start in 120 minutes, offsets a day, an hour and 15 minutes before: the day-before job runs late.
    const rows = row({ reminders: '[1440,60,15]' });
    const dayBefore = { ...job, offsetMinutes: 1440 };
    expect(reminderSkipReason(rows, dayBefore, at(59))).toBeNull();
    expect(reminderSkipReason(rows, dayBefore, at(60))).toBe('superseded');
    expect(reminderSkipReason(rows, job, at(104))).toBeNull();
    expect(reminderSkipReason(rows, job, at(105))).toBe('superseded');
    // The smallest offset is never superseded; a larger offset does not supersede a smaller one.
    expect(reminderSkipReason(rows, { ...job, offsetMinutes: 15 }, at(119))).toBeNull();
    // An offset removed from the event supersedes nothing.
    expect(reminderSkipReason(row({ reminders: '[1440]' }), dayBefore, at(110))).toBeNull();
  });
});
