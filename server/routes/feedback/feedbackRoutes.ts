// The feedback inbox: members send questions, suggestions and problems; managers and moderators answer them.
// A feedback item is its author's and the staff's: to anyone else its id answers 404, as a post they may not see.
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { sendFeedback } from '../../commands/sendFeedback';
import { updateFeedback } from '../../commands/updateFeedback';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import type { Actor } from '../../policies/actor';
import { authorize, isStaff } from '../../policies/community';
import { presentFeedback } from '../../presenters/presentFeedback';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { inboxCounts, listInbox, listMyFeedback, loadFeedbackRow } from '../../queries/feedback';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, pageQuery, slugParams } from '../schemas';
import { inboxQuery, sendFeedbackBody, updateFeedbackBody } from './feedbackSchemas';

/** A feedback item with the caller as an actor of its community; 404 unless the caller wrote it or is its staff. */
async function loadVisibleFeedback(deps: Deps, input: { userId: string; feedbackId: string }) {
  const row = await loadFeedbackRow(deps.db, input.feedbackId);
  if (!row) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: row.communityId, userId: input.userId, now: deps.now() });
  // The author keeps seeing their own conversation with the staff, whatever became of their membership.
  if (row.authorId !== input.userId && !isStaff(actor)) fail('not_found');
  return { row, actor };
}

const viewOf = (actor: Actor) => (isStaff(actor) ? 'staff' : 'author');

/** Routes of the feedback inbox (issue 11). */
export function mountFeedbackRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  defineRoute(target, { method: 'post', path: '/communities/:slug/feedback', summary: 'Send a question, suggestion or problem to the staff (any member, sanctions do not stop it); a severe checker finding holds it for a moderator', tag: 'feedback', auth: true, params: slugParams, body: sendFeedbackBody, responses: { 201: '{feedback}' }, before: [limits.feedback] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now });
    const outcome = await sendFeedback({ db: deps.db, now }, { actor, community, kind: body.kind, body: body.body });
    await afterCommit(deps, outcome);
    res.status(201).json({ feedback: presentFeedback(outcome.value, 'author') });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug/feedback', summary: 'The inbox (moderator and up): unanswered open items oldest first, then the rest newest first; counts per status for the tabs', tag: 'feedback', auth: true, params: slugParams, query: inboxQuery, responses: { 200: '{items, nextCursor, counts}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    authorize(await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now }), 'feedback.inbox');
    const filter = {
      communityId: community.id,
      screening: query.screening,
      viewerId: auth.user.id,
      now,
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.assignee ? { assignee: query.assignee } : {}),
      ...(query.waitingHours !== undefined ? { waitingHours: query.waitingHours } : {}),
    };
    const [page, counts] = await Promise.all([
      listInbox(deps.db, filter, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
      inboxCounts(deps.db, community.id),
    ]);
    res.json({ items: page.rows.map((row) => presentFeedback(row, 'staff')), nextCursor: page.nextCursor, counts });
  });

  defineRoute(target, { method: 'get', path: '/feedback/:id', summary: 'One feedback item with its replies (its author, or the staff of its community)', tag: 'feedback', auth: true, params: idParams, responses: { 200: '{feedback}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { row, actor } = await loadVisibleFeedback(deps, { userId: auth.user.id, feedbackId: params.id });
    res.json({ feedback: presentFeedback(row, viewOf(actor)) });
  });

  defineRoute(target, { method: 'patch', path: '/feedback/:id', summary: 'Work a feedback item (moderator and up): status, reply (the author is notified), assignee, release of held feedback; optional `version`', tag: 'feedback', auth: true, params: idParams, body: updateFeedbackBody, responses: { 200: '{feedback}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { row, actor } = await loadVisibleFeedback(deps, { userId: auth.user.id, feedbackId: params.id });
    const outcome = await updateFeedback(
      { db: deps.db, now: deps.now() },
      { actor, feedback: { id: row.id, communityId: row.communityId, authorId: row.authorId, kind: row.kind }, community: { name: row.community.name }, patch: body },
    );
    await afterCommit(deps, outcome);
    const fresh = (await loadFeedbackRow(deps.db, row.id)) ?? fail('not_found');
    res.json({ feedback: presentFeedback(fresh, 'staff') });
  });

  defineRoute(target, { method: 'get', path: '/me/feedback', summary: 'My own feedback across communities, newest first, with the replies', tag: 'feedback', auth: true, query: pageQuery, responses: { 200: '{items, nextCursor}' } }, async ({ query }, req, res) => {
    const auth = requireUser(req);
    const rows = await listMyFeedback(deps.db, { authorId: auth.user.id, after: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit });
    const page = toPage(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    res.json({ items: page.rows.map((row) => presentFeedback(row, 'author')), nextCursor: page.nextCursor });
  });
}
