// Room names. Members, moderators and managers of a community each have a room; every user has a private one, and
// every session one of its own (so a logout reaches exactly that session's sockets).
import { createHash } from 'node:crypto';
import type { Role } from '../contracts/api';

/** The room that hears what every member may see. */
export const membersRoom = (communityId: string): string => `c:${communityId}:member`;
/** The room of moderators and above. */
export const moderatorsRoom = (communityId: string): string => `c:${communityId}:moderator`;
/** The room of managers and owners. */
export const managersRoom = (communityId: string): string => `c:${communityId}:manager`;
/** One user's own room, on every device they are connected from. */
export const userRoom = (userId: string): string => `u:${userId}`;

/**
 * One session's sockets. Room names travel through Redis as channel names, so the name is a hash of the session's
 * id: neither the id nor (never) the token is readable there.
 */
export const sessionRoom = (sessionId: string): string => `s:${createHash('sha256').update(`session:${sessionId}`).digest('hex').slice(0, 32)}`;

/** The rooms a member of the given role joins for a community. */
export function roomsForRole(communityId: string, role: Role): string[] {
  const rooms = [membersRoom(communityId)];
  if (role !== 'member') rooms.push(moderatorsRoom(communityId));
  if (role === 'manager' || role === 'owner') rooms.push(managersRoom(communityId));
  return rooms;
}

/** Every room of a community, to take a socket out of all of them. */
export function allCommunityRooms(communityId: string): string[] {
  return [membersRoom(communityId), moderatorsRoom(communityId), managersRoom(communityId)];
}
