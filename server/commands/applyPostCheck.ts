// The flagging worker's command, run once per post revision. It is on every post's path, so it reads and writes
// through the SQL lane (server/db/sqlLane.ts): two reads, then one synchronous transaction.
import { newId } from '../lib/ids';
import type { Action, CheckReason } from '../checker';
import { checkText } from '../checker';
import type { Db } from '../db/client';
import { fromSqlDate, sqlDate, type SqlLane, type SqlRunner } from '../db/sqlLane';
import { loadRuleSet } from '../queries/ruleSets';
import { notifyOnLane } from './notify';
import type { DomainEvent, Outcome } from './outcome';

const RECENT_WINDOW_MS = 10 * 60_000;

export type CheckOutcome =
  | { kind: 'skipped' }
  | { kind: 'not_due'; publishAt: Date }
  | { kind: 'applied'; action: Action; visible: boolean };

const POST_TO_CHECK = `SELECT p.id, p.communityId, p.authorId, p.parentId, p.title, p.body, p.status, p.revision, p.checkedRevision,
  p.publishAt, p.publishedAt, p.feedAt, c.name AS communityName, c.moderationMode, c.ruleVersion, c.lexiconActions, m.joinedAt
  FROM "Post" p JOIN "Community" c ON c.id = p.communityId
  LEFT JOIN "Membership" m ON m.communityId = p.communityId AND m.userId = p.authorId WHERE p.id = ?`;
const RECENT_BY_AUTHOR = `SELECT body, createdAt FROM "Post" WHERE authorId = ? AND communityId = ? AND id <> ? AND createdAt >= ?
  ORDER BY createdAt DESC LIMIT 20`;
// The conditional update is the exactly-once guard: a retry, a duplicate job or a stale revision changes no row.
const CLAIM = `UPDATE "Post" SET checkedRevision = ?, status = ?, publishedAt = ?, feedAt = ?, censoredBody = ?, censoredTitle = ?, updatedAt = ?, checkDueAt = NULL
  WHERE id = ? AND revision = ? AND checkedRevision < ? AND status IN ('pending', 'scheduled')`;
const TAGS_FEED_AT = 'UPDATE "PostTag" SET feedAt = ? WHERE postId = ?';
const COUNT_REPLY = 'UPDATE "Post" SET replyCount = replyCount + 1, updatedAt = ? WHERE id = ?';
const ITEM_OF_POST = 'SELECT id, state FROM "ModerationItem" WHERE postId = ?';
const BUMP_OPEN_ITEM = 'UPDATE "ModerationItem" SET version = version + 1, updatedAt = ? WHERE id = ?';
// An edited post that is held again is a new case: back in the queue at its new time, unclaimed.
const REOPEN_ITEM = `UPDATE "ModerationItem" SET state = 'open', version = version + 1, openedAt = ?, escalated = 0, claimedById = NULL,
  claimedUntil = NULL, resolution = NULL, resolvedById = NULL, resolvedAt = NULL, resolvedReason = NULL, updatedAt = ? WHERE id = ?`;
const OPEN_ITEM = `INSERT INTO "ModerationItem" (id, postId, communityId, state, version, escalated, openedAt, createdAt, updatedAt)
  VALUES (?, ?, ?, 'open', 1, 0, ?, ?, ?)`;
const ADD_REASON = `INSERT INTO "ModerationReason" (id, itemId, source, ruleId, match, score, revision, detail, createdAt)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

interface PostToCheck {
  id: string;
  communityId: string;
  authorId: string;
  parentId: string | null;
  title: string | null;
  body: string;
  status: string;
  revision: number;
  checkedRevision: number;
  publishAt: string | null;
  publishedAt: string | null;
  feedAt: string | null;
  communityName: string;
  moderationMode: string;
  ruleVersion: number;
  lexiconActions: string;
  joinedAt: string | null;
}

/** The states in which a post's revision can owe a check. */
export const CHECKABLE_STATUSES = ['pending', 'scheduled'];

/**
 * Checks one revision of a post and applies the verdict exactly once: clean posts publish (censored or flagged
 * ones too, flagged ones also open a queue item); held ones stay pending with their reasons on an item.
 * A stale revision, an already-checked one or a post no longer pending is skipped, so retries are harmless.
 */
export async function applyPostCheck(
  deps: { db: Db; sql: SqlLane; now: Date },
  job: { postId: string; revision: number; retried?: boolean },
): Promise<Outcome<CheckOutcome>> {
  const { now } = deps;
  const post = await deps.sql.read((q) => q.get<PostToCheck>(POST_TO_CHECK, job.postId));
  if (!post || post.revision !== job.revision || post.checkedRevision >= job.revision || !CHECKABLE_STATUSES.includes(post.status)) {
    // A retried job whose outcome is already committed may have died before announcing it. Members would then never
    // hear of the post live, so its publication is announced again: clients upsert by id, a repeat is harmless.
    const republish = job.retried === true && post?.revision === job.revision && post.checkedRevision === job.revision && post.status === 'published';
    const events: DomainEvent[] = republish ? [{ type: 'post:published', communityId: post.communityId, postId: post.id, authorId: post.authorId }] : [];
    return { value: { kind: 'skipped' }, events, jobs: [] };
  }
  const publishAt = fromSqlDate(post.publishAt);
  if (post.status === 'scheduled' && publishAt && publishAt > now) {
    return { value: { kind: 'not_due', publishAt }, events: [], jobs: [] };
  }
  const compiled = await loadRuleSet(deps.db, { id: post.communityId, ruleVersion: post.ruleVersion, lexiconActions: post.lexiconActions });
  const recentPosts = await deps.sql.read((q) =>
    q.all<{ body: string; createdAt: string }>(RECENT_BY_AUTHOR, post.authorId, post.communityId, post.id, sqlDate(new Date(now.getTime() - RECENT_WINDOW_MS))),
  );
  const verdict = checkText({
    text: post.body,
    title: post.title,
    compiled,
    author: { id: post.authorId, joinedAt: fromSqlDate(post.joinedAt) ?? now, recentPosts: recentPosts.map((r) => ({ body: r.body, createdAt: fromSqlDate(r.createdAt) })) },
    now,
  });
  // Pre-moderation: every post waits for a human, whatever the checker found.
  const action: Action = verdict.action === 'block' || post.moderationMode === 'pre' ? 'hold' : verdict.action;
  const visible = action !== 'hold';
  const at = sqlDate(now);
  const events = await deps.sql.write((q): DomainEvent[] | null => {
    const claimed = q.run(
      CLAIM,
      job.revision,
      visible ? 'published' : 'pending',
      visible ? (post.publishedAt ?? at) : post.publishedAt,
      visible ? (post.feedAt ?? at) : post.feedAt,
      verdict.censored,
      verdict.censoredTitle,
      at,
      post.id,
      job.revision,
      job.revision,
    );
    if (claimed === 0) return null;
    const out: DomainEvent[] = [];
    const ref = { communityId: post.communityId, postId: post.id, authorId: post.authorId };
    if (visible) {
      q.run(TAGS_FEED_AT, post.feedAt ?? at, post.id);
      if (post.parentId) q.run(COUNT_REPLY, at, post.parentId);
      out.push({ type: 'post:published', ...ref });
    }
    if (action === 'hold' || action === 'flag') {
      const item = openItem(q, { post, reasons: verdict.reasons, revision: job.revision, at });
      out.push({ type: item.created ? 'queue:item_opened' : 'queue:item_updated', communityId: post.communityId, itemId: item.id });
      if (!visible) {
        out.push({ type: 'post:held', ...ref, itemId: item.id });
        out.push(notifyOnLane(q, { userId: post.authorId, communityId: post.communityId, kind: 'post_held', data: { postId: post.id, communityName: post.communityName }, now }));
      }
    }
    return out;
  });
  if (events === null) return { value: { kind: 'skipped' }, events: [], jobs: [] };
  return { value: { kind: 'applied', action, visible }, events, jobs: [] };
}

/** Opens the post's moderation item, or reopens and bumps it, and records this revision's reasons. */
function openItem(q: SqlRunner, input: { post: { id: string; communityId: string }; reasons: CheckReason[]; revision: number; at: string }) {
  const { at } = input;
  const existing = q.get<{ id: string; state: string }>(ITEM_OF_POST, input.post.id);
  let id: string;
  if (existing) {
    id = existing.id;
    if (existing.state === 'open') q.run(BUMP_OPEN_ITEM, at, id);
    else q.run(REOPEN_ITEM, at, at, id);
  } else {
    id = newId();
    q.run(OPEN_ITEM, id, input.post.id, input.post.communityId, at, at, at);
  }
  for (const r of input.reasons) {
    const detail = JSON.stringify({ kind: r.kind, field: r.field, normalized: r.normalized, entry: r.entry, lang: r.lang, severity: r.severity, category: r.category, action: r.action, start: r.start, end: r.end });
    q.run(ADD_REASON, newId(), id, r.source, r.ruleId ?? null, r.match, r.score, input.revision, detail, at);
  }
  return { id, created: !existing || existing.state !== 'open' };
}
