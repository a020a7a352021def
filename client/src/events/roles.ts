// Who may do what with events, as the client shows it (the server decides; this only hides controls).
import type { Role } from '../../../server/contracts/api';

const RANK: Record<Role, number> = { member: 0, moderator: 1, manager: 2, owner: 3 };

/** Moderators and above see the attendee list and check members in. */
export const canSeeAttendees = (role: Role | null | undefined): boolean => (role ? RANK[role] >= RANK.moderator : false);

/** Managers and owners create, edit and cancel events. */
export const canManageEvents = (role: Role | null | undefined): boolean => (role ? RANK[role] >= RANK.manager : false);
