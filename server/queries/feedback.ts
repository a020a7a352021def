// Reads of the feedback inbox. The inbox puts what waits longest first: unanswered open items (no first response,
// not resolved) oldest first, then everything else newest first. A page may span both parts, so its cursor names
// the part as well as the (createdAt, id) key of the last row.
import type { Feedback, FeedbackCounts, FeedbackKind, FeedbackStatus } from '../contracts/surveys';
import type { Db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { fail } from '../errors';
import { FEEDBACK_INCLUDE, presentFeedback, type FeedbackRow } from '../presenters/presentFeedback';

const HOUR = 3_600_000;

/** One feedback item with what presentFeedback reads and its community's id and name; undefined when unknown. */
export async function loadFeedbackRow(db: Db, id: string) {
  return db.feedback.findUnique({ where: { id }, include: { ...FEEDBACK_INCLUDE, community: { select: { slug: true, name: true, id: true } } } });
}

/** Feedback as staff see it, for feedback:new; undefined when gone or (still) held. */
export async function loadFeedbackBroadcast(db: Db, id: string): Promise<Feedback | undefined> {
  const row = await db.feedback.findUnique({ where: { id }, include: FEEDBACK_INCLUDE });
  return row && row.screening === 'clear' ? presentFeedback(row, 'staff') : undefined;
}

export interface InboxFilter {
  communityId: string;
  status?: FeedbackStatus;
  kind?: FeedbackKind;
  /** 'me', 'none' or a user id. */
  assignee?: string;
  screening: 'clear' | 'held';
  /** Only unanswered open items created more than this many hours before `now`. */
  waitingHours?: number;
  viewerId: string;
  now: Date;
}

/** Where the inbox cursor points: the part (0 waiting, 1 the rest) and the last row's key. */
interface InboxCursor {
  part: 0 | 1;
  at: Date;
  id: string;
}

const WAITING: Prisma.FeedbackWhereInput = { firstResponseAt: null, status: { not: 'resolved' } };
const NOT_WAITING: Prisma.FeedbackWhereInput = { OR: [{ firstResponseAt: { not: null } }, { status: 'resolved' }] };

function isWaiting(row: { firstResponseAt: Date | null; status: string }): boolean {
  return row.firstResponseAt === null && row.status !== 'resolved';
}

/** The filters every part shares. */
function baseWhere(filter: InboxFilter): Prisma.FeedbackWhereInput {
  const where: Prisma.FeedbackWhereInput = { communityId: filter.communityId, screening: filter.screening };
  if (filter.status) where.status = filter.status;
  if (filter.kind) where.kind = filter.kind;
  if (filter.assignee === 'me') where.assigneeId = filter.viewerId;
  else if (filter.assignee === 'none') where.assigneeId = null;
  else if (filter.assignee) where.assigneeId = filter.assignee;
  if (filter.waitingHours !== undefined) where.createdAt = { lt: new Date(filter.now.getTime() - filter.waitingHours * HOUR) };
  return where;
}

/** One page of the inbox in its default order, with the cursor of the next page. */
export async function listInbox(db: Db, filter: InboxFilter, page: { limit: number; cursor?: string }): Promise<{ rows: FeedbackRow[]; nextCursor: string | null }> {
  const cursor = page.cursor ? decodeInboxCursor(page.cursor) : null;
  const base = baseWhere(filter);
  const take = page.limit + 1;
  const rows: FeedbackRow[] = [];
  if (!cursor || cursor.part === 0) {
    const after: Prisma.FeedbackWhereInput = cursor ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] } : {};
    rows.push(...(await db.feedback.findMany({ where: { AND: [base, WAITING, after] }, include: FEEDBACK_INCLUDE, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take })));
  }
  // "Waiting longer than N hours" is only ever the first part.
  if (rows.length < take && filter.waitingHours === undefined) {
    const after: Prisma.FeedbackWhereInput = cursor?.part === 1 ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {};
    rows.push(...(await db.feedback.findMany({ where: { AND: [base, NOT_WAITING, after] }, include: FEEDBACK_INCLUDE, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: take - rows.length })));
  }
  if (rows.length <= page.limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, page.limit);
  const last = kept[kept.length - 1];
  return { rows: kept, nextCursor: last ? encodeInboxCursor({ part: isWaiting(last) ? 0 : 1, at: last.createdAt, id: last.id }) : null };
}

/** Clear feedback per status and held feedback, for the inbox tabs: one grouped count and one count. */
export async function inboxCounts(db: Db, communityId: string): Promise<FeedbackCounts> {
  const [byStatus, held] = await Promise.all([
    db.feedback.groupBy({ by: ['status'], where: { communityId, screening: 'clear' }, _count: { _all: true } }),
    db.feedback.count({ where: { communityId, screening: 'held' } }),
  ]);
  const counts: FeedbackCounts = { new: 0, in_progress: 0, resolved: 0, held };
  for (const group of byStatus) {
    if (group.status === 'new' || group.status === 'in_progress' || group.status === 'resolved') counts[group.status] = group._count._all;
  }
  return counts;
}

/** A member's own feedback across communities, newest first, keyset-paged on (createdAt, id). */
export async function listMyFeedback(db: Db, input: { authorId: string; after: { at: Date; id: string } | null; limit: number }): Promise<FeedbackRow[]> {
  const after: Prisma.FeedbackWhereInput = input.after ? { OR: [{ createdAt: { lt: input.after.at } }, { createdAt: input.after.at, id: { lt: input.after.id } }] } : {};
  return db.feedback.findMany({
    where: { AND: [{ authorId: input.authorId }, after] },
    include: FEEDBACK_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
  });
}

function encodeInboxCursor(key: InboxCursor): string {
  return Buffer.from(JSON.stringify([key.part, key.at.toISOString(), key.id])).toString('base64url');
}

/** A tampered cursor is a 400, not a crash. */
function decodeInboxCursor(cursor: string): InboxCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3 && (parsed[0] === 0 || parsed[0] === 1) && typeof parsed[1] === 'string' && typeof parsed[2] === 'string') {
      const at = new Date(parsed[1]);
      if (!Number.isNaN(at.getTime())) return { part: parsed[0], at, id: parsed[2] };
    }
  } catch {
    // fall through to the 400 below
  }
  return fail('bad_request', { details: [{ path: 'query.cursor', message: 'invalid cursor' }] });
}
