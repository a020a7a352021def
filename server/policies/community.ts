// Who may do what inside a community. One table, one assertion helper; routes never compare roles themselves.
import type { Role, SanctionKind } from '../contracts/api';
import { fail } from '../errors';
import type { Actor } from './actor';
import { atLeast } from './roles';

export type CommunityAction =
  | 'post.read'
  | 'post.create'
  | 'post.react'
  | 'post.moderate'
  | 'members.list'
  | 'settings.update'
  | 'role.change'
  | 'sanction.moderate'
  | 'sanction.ban'
  | 'post.report'
  | 'queue.view'
  | 'item.decide'
  | 'item.decide_escalated'
  | 'audit.view'
  | 'rules.manage'
  | 'event.read'
  | 'event.manage'
  | 'event.rsvp'
  | 'event.rsvp_leave'
  | 'event.attendees'
  | 'survey.read'
  | 'survey.manage'
  | 'survey.answer'
  | 'feedback.send'
  | 'feedback.inbox';

const MINIMUM_ROLE: Record<CommunityAction, Role> = {
  // Reading is every member's, whatever their sanctions: none of them is listed in BLOCKED_BY.
  'post.read': 'member',
  'post.create': 'member',
  'post.react': 'member',
  'post.moderate': 'moderator',
  'members.list': 'moderator',
  'settings.update': 'manager',
  'role.change': 'manager',
  'sanction.moderate': 'moderator',
  'sanction.ban': 'manager',
  'post.report': 'member',
  'queue.view': 'moderator',
  'item.decide': 'moderator',
  // Escalation hands an item to managers: moderators can still read it, not decide it.
  'item.decide_escalated': 'manager',
  'audit.view': 'moderator',
  'rules.manage': 'manager',
  'event.read': 'member',
  // Create, edit, cancel events (the contract gives events to managers).
  'event.manage': 'manager',
  'event.rsvp': 'member',
  // Answering not_going: any member, whatever their sanctions (not in BLOCKED_BY), so a sanction never traps a seat.
  'event.rsvp_leave': 'member',
  // The attendee list and check-in at the door.
  'event.attendees': 'moderator',
  // Members see open and closed surveys; drafts and results are the managers' (survey.manage).
  'survey.read': 'member',
  'survey.manage': 'manager',
  'survey.answer': 'member',
  // Any member, sanctioned or not (not in BLOCKED_BY): the inbox is where a suspended member asks why.
  'feedback.send': 'member',
  // Managers and moderators work the inbox (issue 11).
  'feedback.inbox': 'moderator',
};

/** Sanctions that stop an action, in the order their error is reported. */
const BLOCKED_BY: Partial<Record<CommunityAction, SanctionKind[]>> = {
  'post.create': ['suspend', 'mute'],
  'post.react': ['suspend'],
  'post.report': ['suspend'],
  // Issue 10: a muted member, too, cannot RSVP (a ban already ends the membership).
  'event.rsvp': ['suspend', 'mute'],
  // The contract: a suspended member cannot answer; a mute only stops posting.
  'survey.answer': ['suspend'],
};

/** Throws the contract error when the actor may not take the action; returns otherwise. */
export function authorize(actor: Actor, action: CommunityAction): void {
  if (actor.banned) fail('banned');
  if (actor.role === null) fail(MINIMUM_ROLE[action] === 'member' ? 'not_a_member' : 'forbidden');
  if (!atLeast(actor.role, MINIMUM_ROLE[action])) fail('forbidden');
  for (const kind of BLOCKED_BY[action] ?? []) {
    if (actor.sanctions.includes(kind)) fail(kind === 'mute' ? 'muted' : 'suspended');
  }
}

/** Whether the actor may see non-published posts and original texts (moderators and above). */
export function isStaff(actor: Actor | null): boolean {
  return actor !== null && !actor.banned && atLeast(actor.role, 'moderator');
}

/**
 * Whether the actor may know that a post exists at all: members see published posts, its author and staff the
 * rest, a banned user nothing. Routes ask this before any other check and answer 404 otherwise, so no later
 * error (403 banned, muted, ...) tells a caller that an id is real.
 */
export function canSeePost(actor: Actor, post: { status: string; authorId: string }): boolean {
  if (actor.banned) return false;
  return post.status === 'published' ? actor.role !== null : post.authorId === actor.userId || isStaff(actor);
}

/**
 * Whether the actor may report the post: any post it can see, and also one hidden by reports, which members saw
 * while it was published and may still report (the reports go to its moderation item). Banned users: never.
 */
export function canReportPost(actor: Actor, post: { status: string; authorId: string }): boolean {
  return canSeePost(actor, post) || (post.status === 'hidden' && !actor.banned && actor.role !== null);
}

/**
 * Role changes: an owner may grant up to manager, a manager up to moderator, and nobody may change someone
 * of their own rank or above. Ownership is only ever held by the creator here (transfer is a later feature).
 */
export function authorizeRoleChange(actor: Actor, target: { role: Role }, newRole: Role): void {
  authorize(actor, 'role.change');
  const ceiling: Role = actor.role === 'owner' ? 'manager' : 'moderator';
  if (!atLeast(ceiling, newRole)) fail('forbidden');
  if (actor.role !== 'owner' && atLeast(target.role, actor.role ?? 'member')) fail('forbidden');
  if (target.role === 'owner') fail('forbidden');
}

/** warn, mute and suspend are moderators' tools; ban is a manager's. Nobody sanctions their own rank or above. */
export function authorizeSanction(actor: Actor, target: { role: Role | null }, kind: SanctionKind): void {
  authorize(actor, kind === 'ban' ? 'sanction.ban' : 'sanction.moderate');
  if (target.role && atLeast(target.role, actor.role ?? 'member')) fail('forbidden');
}
