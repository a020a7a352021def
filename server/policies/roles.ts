import type { Role } from '../contracts/api';

const RANK: Record<Role, number> = { member: 0, moderator: 1, manager: 2, owner: 3 };

/** Whether `role` is at least `minimum` in member < moderator < manager < owner. */
export function atLeast(role: Role | null | undefined, minimum: Role): boolean {
  return role != null && RANK[role] >= RANK[minimum];
}

/** Narrows a stored role string; unknown values count as member. */
export function asRole(value: string): Role {
  return value in RANK ? (value as Role) : 'member';
}
