// Which reminder jobs an event owes, computed from its state and the clock; the commands that create, move or
// reschedule an event return these as jobs, and the workers plan them again for every upcoming event on start.
import type { JobRequest } from './outcome';

export interface PlannableEvent {
  id: string;
  startsAt: Date;
  /** Minutes before the start. */
  reminders: readonly number[];
  status: string;
}

/**
 * One delayed job per (event, offset) for the start it has now. A reminder whose time has already passed but whose
 * event has not begun is due at once (workers that were down catch up); once the event has begun, none is owed.
 * Jobs planned for an earlier start stay in the queue and do nothing when they run (their `startsAt` is stale).
 */
export function planEventReminders(event: PlannableEvent, now: Date): JobRequest[] {
  if (event.status !== 'scheduled' || event.startsAt.getTime() <= now.getTime()) return [];
  const startsAt = event.startsAt.toISOString();
  return [...new Set(event.reminders)].map((offsetMinutes) => ({
    queue: 'events' as const,
    name: 'reminder' as const,
    data: { eventId: event.id, offsetMinutes, startsAt },
    delayMs: Math.max(0, event.startsAt.getTime() - offsetMinutes * 60_000 - now.getTime()),
  }));
}
