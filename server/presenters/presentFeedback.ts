// Feedback rows -> the contract's Feedback, in one of two views: staff (who took it, held state and the checker's
// reasons) or its author (sent is sent: no screening, no reasons, no assignee).
import type { Feedback, FeedbackCheckReason, FeedbackKind, FeedbackReply, FeedbackStatus } from '../contracts/surveys';
import type { Prisma } from '../db/generated/client';
import { presentUser, type UserRow } from './presentUser';

export type FeedbackView = 'staff' | 'author';

export interface FeedbackReplyRow {
  id: string;
  body: string;
  createdAt: Date;
  author: UserRow;
}

export interface FeedbackRow {
  id: string;
  kind: string;
  body: string;
  status: string;
  screening: string;
  checkReasons: string;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  statusChangedAt: Date | null;
  replyCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  community: { slug: string };
  author: UserRow;
  assignee: UserRow | null;
  replies: FeedbackReplyRow[];
}

/** The Prisma `include` that loads everything presentFeedback reads. */
export const FEEDBACK_INCLUDE = {
  community: { select: { slug: true } },
  author: true,
  assignee: true,
  replies: { include: { author: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.FeedbackInclude;

/** One feedback item as `view` may see it. */
export function presentFeedback(row: FeedbackRow, view: FeedbackView): Feedback {
  const staff = view === 'staff';
  const held = row.screening === 'held';
  return {
    id: row.id,
    communitySlug: row.community.slug,
    kind: row.kind as FeedbackKind,
    body: row.body,
    status: row.status as FeedbackStatus,
    screening: staff && held ? 'held' : 'clear',
    author: presentUser(row.author),
    assignee: staff && row.assignee ? presentUser(row.assignee) : null,
    replies: row.replies.map(presentFeedbackReply),
    replyCount: row.replyCount,
    ...(staff && held ? { reasons: parseReasons(row.checkReasons) } : {}),
    firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    // Staff only: every change moves them, the hidden ones (assignment, release) too.
    ...(staff ? { version: row.version } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: (staff ? row.updatedAt : authorVisibleUpdate(row)).toISOString(),
  };
}

/**
 * The author's updatedAt: the latest change the author can see (sent, a reply, a status change, resolved), never the
 * row's updatedAt, which moves on hidden staff work too (taken, released from hold).
 */
export function authorVisibleUpdate(row: Pick<FeedbackRow, 'createdAt' | 'resolvedAt' | 'statusChangedAt' | 'replies'>): Date {
  let latest = row.createdAt;
  for (const at of [row.resolvedAt, row.statusChangedAt, ...row.replies.map((r) => r.createdAt)]) {
    if (at && at.getTime() > latest.getTime()) latest = at;
  }
  return latest;
}

/** A reply, with its writer's public profile (the member sees who answered them). */
export function presentFeedbackReply(row: FeedbackReplyRow): FeedbackReply {
  return { id: row.id, body: row.body, author: presentUser(row.author), createdAt: row.createdAt.toISOString() };
}

/** Stored JSON text; a bad row reads as no reasons rather than breaking the inbox. */
function parseReasons(text: string): FeedbackCheckReason[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as FeedbackCheckReason[]) : [];
  } catch {
    return [];
  }
}
