import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { claimItem } from '../../commands/claimItem';
import { decideItem } from '../../commands/decideItem';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import { authorize } from '../../policies/community';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { loadPostViews } from '../../queries/postViews';
import { loadQueueItems } from '../../queries/queueItems';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, slugParams } from '../schemas';
import { decisionBody, queueQuery } from './schemas';

/** The moderation queue: list, one item, claim, decide. */
export function mountQueueRoutes(target: RouteTarget, deps: Deps): void {
  /** An item and the caller as an actor of its community; 404 unless the caller moderates there. */
  async function loadItemFor(userId: string, itemId: string) {
    const item = await deps.db.moderationItem.findUnique({ where: { id: itemId }, include: { community: true } });
    if (!item) fail('not_found');
    const actor = await loadActor(deps.sql, { communityId: item.communityId, userId, now: deps.now() });
    if (actor.role === null || actor.role === 'member') fail('not_found');
    return { item, actor };
  }

  defineRoute(target, { method: 'get', path: '/communities/:slug/moderation/queue', summary: 'Moderation items, oldest first (moderator)', tag: 'moderation', auth: true, params: slugParams, query: queueQuery, responses: { 200: '{items, nextCursor, counts}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    authorize(await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now: deps.now() }), 'queue.view');
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const oldestFirst = query.state === 'open';
    const rows = await deps.db.moderationItem.findMany({
      where: {
        communityId: community.id,
        state: query.state,
        ...(query.escalated !== undefined ? { escalated: query.escalated } : {}),
        ...(after
          ? oldestFirst
            ? { OR: [{ openedAt: { gt: after.at } }, { openedAt: after.at, id: { gt: after.id } }] }
            : { OR: [{ openedAt: { lt: after.at } }, { openedAt: after.at, id: { lt: after.id } }] }
          : {}),
      },
      orderBy: oldestFirst ? [{ openedAt: 'asc' }, { id: 'asc' }] : [{ openedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      select: { id: true, openedAt: true },
    });
    const page = toPage(rows, query.limit, (r) => ({ at: r.openedAt, id: r.id }));
    const [items, open, escalated] = await Promise.all([
      loadQueueItems(deps.sql, page.rows.map((r) => r.id), { now: deps.now(), withPosts: true }),
      deps.db.moderationItem.count({ where: { communityId: community.id, state: 'open' } }),
      deps.db.moderationItem.count({ where: { communityId: community.id, state: 'open', escalated: true } }),
    ]);
    res.json({ items, nextCursor: page.nextCursor, counts: { open, escalated } });
  });

  defineRoute(target, { method: 'get', path: '/moderation/items/:id', summary: 'One moderation item with its post', tag: 'moderation', auth: true, params: idParams, responses: { 200: '{item}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { item } = await loadItemFor(auth.user.id, params.id);
    const [view] = await loadQueueItems(deps.sql, [item.id], { now: deps.now(), withPosts: true });
    res.json({ item: view });
  });

  defineRoute(target, { method: 'post', path: '/moderation/items/:id/claim', summary: 'Claim an item for 5 minutes (advisory)', tag: 'moderation', auth: true, params: idParams, responses: { 200: '{item}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { item, actor } = await loadItemFor(auth.user.id, params.id);
    await afterCommit(deps, await claimItem({ db: deps.db, now: deps.now() }, { actor, item }));
    const [view] = await loadQueueItems(deps.sql, [item.id], { now: deps.now(), withPosts: false });
    res.json({ item: view });
  });

  defineRoute(target, { method: 'post', path: '/moderation/items/:id/decision', summary: 'Approve, remove or escalate at a version; 409 version_conflict when stale', tag: 'moderation', auth: true, params: idParams, body: decisionBody, responses: { 200: '{item, post}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { item, actor } = await loadItemFor(auth.user.id, params.id);
    const outcome = await decideItem({ db: deps.db, sql: deps.sql, now: deps.now() }, {
      actor,
      community: item.community,
      itemId: item.id,
      action: body.action,
      version: body.version,
      ...(body.revision !== undefined ? { revision: body.revision } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
      ...(body.sanction ? { sanction: body.sanction } : {}),
    });
    await afterCommit(deps, outcome);
    const [view] = await loadQueueItems(deps.sql, [item.id], { now: deps.now(), withPosts: false });
    const [post] = await loadPostViews(deps.sql, [item.postId], { userId: auth.user.id, isStaff: true });
    res.json({ item: view, post });
  });
}
