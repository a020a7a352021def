// Tells everyone who answered an event (going, waitlisted, interested) that it was cancelled, exactly once each.
import type { EventCancelledJob } from '../contracts/jobs';
import { deliverEventNotice, type NoticeDeps, type NoticeResult } from './deliverEventNotices';

/** Why a cancellation notice is not sent: the event is gone, or it is not cancelled (nothing to announce). */
export type CancellationSkipReason = 'gone' | 'not_cancelled';

/** The statuses that hear of a cancellation: everyone who meant to come or might have. */
const TOLD_OF_CANCELLATION = ['going', 'waitlisted', 'interested'] as const;

/** Notifies (kind event_cancelled) every active member with a going, waitlisted or interested RSVP, once each. */
export async function sendEventCancellation(deps: NoticeDeps, job: EventCancelledJob): Promise<NoticeResult<CancellationSkipReason>> {
  // The delivery key holds the start the event had: a cancelled event is not edited again, so it is stable.
  const event = await deps.db.event.findUnique({ where: { id: job.eventId }, select: { startsAt: true } });
  if (!event) return { sent: 0, skipped: 'gone' };
  return deliverEventNotice(deps, {
    eventId: job.eventId,
    kind: 'cancelled',
    offsetMinutes: 0,
    startsAt: event.startsAt,
    statuses: TOLD_OF_CANCELLATION,
    notificationKind: 'event_cancelled',
    skipReason: (current) => (!current ? 'gone' : current.status !== 'cancelled' ? 'not_cancelled' : null),
    data: (current) => ({ eventId: current.id, title: current.title, startsAt: current.startsAt.toISOString(), timezone: current.timezone }),
  });
}
