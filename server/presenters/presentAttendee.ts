import type { Attendee, RsvpStatus } from '../contracts/api';
import { presentUser, type UserRow } from './presentUser';

interface AttendeeRow {
  status: string;
  position: number | null;
  checkedInAt: Date | null;
  user: UserRow;
}

/** One row of the moderators' attendee list; the check-in code stays with its owner. */
export function presentAttendee(row: AttendeeRow): Attendee {
  const status = row.status as RsvpStatus;
  return {
    user: presentUser(row.user),
    status,
    position: status === 'waitlisted' ? row.position : null,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
  };
}
