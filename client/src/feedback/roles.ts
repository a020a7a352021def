// Who sees which feedback screen (the server decides; this only hides what would be refused).
import type { Role } from '../../../server/contracts/api';

const RANK: Record<Role, number> = { member: 0, moderator: 1, manager: 2, owner: 3 };

/** Moderators and up answer feedback in the inbox. */
export const canUseInbox = (role: Role | null | undefined): boolean => (role ? RANK[role] >= RANK.moderator : false);
