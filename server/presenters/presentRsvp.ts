import type { Rsvp, RsvpStatus } from '../contracts/api';

interface RsvpRow {
  eventId: string;
  userId: string;
  status: string;
  position: number | null;
  code: string;
  checkedInAt: Date | null;
  updatedAt: Date;
}

/** A member's own RSVP; the check-in code is shown only while going (a waitlisted code would admit nobody). */
export function presentRsvp(row: RsvpRow): Rsvp {
  const status = row.status as RsvpStatus;
  return {
    eventId: row.eventId,
    userId: row.userId,
    status,
    position: status === 'waitlisted' ? row.position : null,
    code: status === 'going' ? row.code : null,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
