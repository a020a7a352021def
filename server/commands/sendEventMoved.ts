// Tells the members going to an event, or waiting for a place, that it moved to a new start, exactly once each.
import type { EventMovedJob } from '../contracts/jobs';
import { deliverEventNotice, type NoticeDeps, type NoticeEvent, type NoticeResult } from './deliverEventNotices';

/** Why a moved notice is not (or no longer) sent. */
export type MovedSkipReason = 'gone' | 'cancelled' | 'moved_again' | 'begun';

/** The statuses that hear of a move: the ones holding or waiting for a place (interested members follow the page). */
const TOLD_OF_MOVE = ['going', 'waitlisted'] as const;

/**
 * Whether the moved notice `job` is still owed at `now`: the event exists, is scheduled, still starts where this
 * move put it (a later move has a notice of its own, so members hear of the latest start only), and has not begun.
 */
export function movedSkipReason(event: Pick<NoticeEvent, 'status' | 'startsAt'> | null, job: EventMovedJob, now: Date): MovedSkipReason | null {
  if (!event) return 'gone';
  if (event.status === 'cancelled') return 'cancelled';
  if (event.startsAt.getTime() !== Date.parse(job.startsAt)) return 'moved_again';
  if (event.startsAt.getTime() <= now.getTime()) return 'begun';
  return null;
}

/**
 * Notifies (kind event_moved) every active member going to or waitlisted for the event, once per (member, move).
 * The delivery key is (event, 'moved', sequence after the move, new start, member): EventReminderDelivery has no
 * column of its own for the sequence, so a moved notice keeps it in `offsetMinutes` (reminders keep their offset
 * there, cancellations 0). Keyed by the start alone, an event moved A -> B -> A -> B would not tell anyone of the
 * second move to B.
 */
export function sendEventMoved(deps: NoticeDeps, job: EventMovedJob): Promise<NoticeResult<MovedSkipReason>> {
  return deliverEventNotice(deps, {
    eventId: job.eventId,
    kind: 'moved',
    offsetMinutes: job.sequence,
    startsAt: new Date(job.startsAt),
    statuses: TOLD_OF_MOVE,
    notificationKind: 'event_moved',
    skipReason: (event) => movedSkipReason(event, job, deps.now),
    data: (event) => ({ eventId: event.id, title: event.title, startsAt: event.startsAt.toISOString(), timezone: event.timezone, previousStartsAt: job.previousStartsAt }),
  });
}
