// Sends one planned reminder (event, offset, planned start) to the members going at send time, exactly once each.
// The job only says what was planned; whether it is still owed is decided here, against the event as it is now.
import type { EventReminderJob } from '../contracts/jobs';
import { parseReminders } from '../presenters/presentEvent';
import { deliverEventNotice, type NoticeDeps, type NoticeEvent, type NoticeResult } from './deliverEventNotices';

/** Why a reminder is not (or no longer) sent. */
export type ReminderSkipReason = 'gone' | 'cancelled' | 'moved' | 'offset_removed' | 'begun' | 'superseded';

/**
 * Whether the reminder `job` is still owed at `now`: the event exists, is scheduled, still starts when the job was
 * planned for (a moved event has new jobs of its own), still lists the offset, has not begun, and no smaller offset
 * of the event is due by now as well. A reminder whose time passed while the workers were down is therefore sent
 * late as long as the event has not begun, but only the nearest of several late ones: when they all run at once
 * after downtime, the ones a nearer reminder has overtaken are 'superseded' (that nearer one has a job of its own,
 * planned as a future offset or as the single catch-up of planEventReminders).
 */
export function reminderSkipReason(event: Pick<NoticeEvent, 'status' | 'startsAt' | 'reminders'> | null, job: EventReminderJob, now: Date): ReminderSkipReason | null {
  if (!event) return 'gone';
  if (event.status === 'cancelled') return 'cancelled';
  if (event.startsAt.getTime() !== Date.parse(job.startsAt)) return 'moved';
  const offsets = parseReminders(event.reminders);
  if (!offsets.includes(job.offsetMinutes)) return 'offset_removed';
  if (event.startsAt.getTime() <= now.getTime()) return 'begun';
  if (offsets.some((offset) => offset < job.offsetMinutes && event.startsAt.getTime() - offset * 60_000 <= now.getTime())) return 'superseded';
  return null;
}

/** Notifies (kind event_reminder) every active member going to the event who has not had this reminder yet. */
export function sendEventReminder(deps: NoticeDeps, job: EventReminderJob): Promise<NoticeResult<ReminderSkipReason>> {
  return deliverEventNotice(deps, {
    eventId: job.eventId,
    kind: 'reminder',
    offsetMinutes: job.offsetMinutes,
    startsAt: new Date(job.startsAt),
    statuses: ['going'],
    notificationKind: 'event_reminder',
    skipReason: (event) => reminderSkipReason(event, job, deps.now),
    data: (event) => ({ eventId: event.id, title: event.title, startsAt: event.startsAt.toISOString(), timezone: event.timezone, minutesBefore: job.offsetMinutes }),
  });
}
