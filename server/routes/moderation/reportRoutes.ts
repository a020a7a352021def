import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { reportPost } from '../../commands/reportPost';
import { fail } from '../../errors';
import { requireUser } from '../../middlewares/authenticate';
import { loadActor } from '../../queries/actor';
import { defineRoute, type RouteTarget } from '../defineRoute';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { idParams } from '../schemas';
import { reportBody } from './schemas';

/** Members report posts. */
export function mountReportRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  defineRoute(target, { method: 'post', path: '/posts/:id/reports', summary: 'Report a post (one report per member)', tag: 'moderation', auth: true, params: idParams, body: reportBody, responses: { 201: '{report}' }, before: [limits.reporting] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const post = await deps.db.post.findUnique({ where: { id: params.id }, include: { community: { select: { reportThreshold: true } } } });
    if (!post) fail('not_found');
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: post.communityId, userId: auth.user.id, now });
    if (actor.role === null && !actor.banned) fail('not_found');
    const outcome = await reportPost({ db: deps.db, now }, { actor, post, threshold: post.community.reportThreshold, reason: body.reason, ...(body.note ? { note: body.note } : {}) });
    await afterCommit(deps, outcome);
    res.status(201).json({ report: { id: outcome.value.reportId, postId: post.id, reason: body.reason, createdAt: now.toISOString() } });
  });
}
