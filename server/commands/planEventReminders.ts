// Which reminder jobs an event owes, computed from its state and the clock; the commands that create, move or
// reschedule an event return these as jobs, and the workers plan them again for every upcoming event on start.
import type { JobRequest } from './outcome';

export interface PlannableEvent {
  id: string;
  startsAt: Date;
  /** Minutes before the start. */
  reminders: readonly number[];
  status: string;
  /** The event's current `sequence`: part of each job id, so a start the event had before is planned anew. */
  sequence: number;
}

/**
 * One delayed job per offset still ahead of `now`, plus at most one overdue catch-up: the smallest offset whose time
 * has passed (the reminder due most recently), due at once. Older overdue offsets are not planned: a member told
 * "in 30 minutes" needs no "tomorrow" as well, and moving an event closer (or a restart) must not send a burst of
 * them. Once the event has begun, none is owed. Jobs planned for an earlier start stay in the queue and do nothing
 * when they run (their `startsAt` is stale).
 */
export function planEventReminders(event: PlannableEvent, now: Date): JobRequest[] {
  if (event.status !== 'scheduled' || event.startsAt.getTime() <= now.getTime()) return [];
  const startsAt = event.startsAt.toISOString();
  const dueAt = (offsetMinutes: number) => event.startsAt.getTime() - offsetMinutes * 60_000;
  const offsets = [...new Set(event.reminders)];
  const overdue = offsets.filter((offset) => dueAt(offset) <= now.getTime());
  const catchUp = overdue.length ? Math.min(...overdue) : null;
  return offsets
    .filter((offset) => dueAt(offset) > now.getTime() || offset === catchUp)
    .map((offsetMinutes) => ({
      queue: 'events' as const,
      name: 'reminder' as const,
      data: { eventId: event.id, offsetMinutes, startsAt, sequence: event.sequence },
      delayMs: Math.max(0, dueAt(offsetMinutes) - now.getTime()),
    }));
}
