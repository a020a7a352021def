// Room names. Members, moderators and managers of a community each have a room; every user has a private one.
import type { Role } from '../contracts/api';

/** The room that hears what every member may see. */
export const membersRoom = (communityId: string): string => `c:${communityId}:member`;
/** The room of moderators and above. */
export const moderatorsRoom = (communityId: string): string => `c:${communityId}:moderator`;
/** The room of managers and owners. */
export const managersRoom = (communityId: string): string => `c:${communityId}:manager`;
/** One user's own room, on every device they are connected from. */
export const userRoom = (userId: string): string => `u:${userId}`;

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
