import type { CommunityEvent, EventStatus, Rsvp, User } from '../contracts/api';

export interface EventRow {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  reminders: string;
  status: string;
  sequence: number;
  goingCount: number;
  waitlistCount: number;
  interestedCount: number;
  checkedInCount: number;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
}

/** The state a member sees: a scheduled event whose end has passed reads as ended. */
export function eventStatus(row: Pick<EventRow, 'status' | 'endsAt'>, now: Date): EventStatus {
  if (row.status === 'cancelled') return 'cancelled';
  return row.endsAt.getTime() <= now.getTime() ? 'ended' : 'scheduled';
}

/** Reminder offsets stored as JSON text, largest first; anything unreadable reads as none. */
export function parseReminders(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((n): n is number => Number.isInteger(n) && n > 0).sort((a, b) => b - a) : [];
  } catch {
    return [];
  }
}

/** An event as the contract shows it, with the caller's own RSVP (null in broadcasts). */
export function presentEvent(input: { row: EventRow; communitySlug: string; createdBy: User; myRsvp: Rsvp | null; now: Date }): CommunityEvent {
  const { row } = input;
  return {
    id: row.id,
    communitySlug: input.communitySlug,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timezone: row.timezone,
    location: row.location,
    onlineUrl: row.onlineUrl,
    capacity: row.capacity,
    reminders: parseReminders(row.reminders),
    status: eventStatus(row, input.now),
    sequence: row.sequence,
    counts: { going: row.goingCount, waitlisted: row.waitlistCount, interested: row.interestedCount, checkedIn: row.checkedInCount },
    myRsvp: input.myRsvp,
    createdBy: input.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
  };
}
