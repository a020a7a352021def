import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { reportPost } from '../../commands/reportPost';
import { requireUser } from '../../middlewares/authenticate';
import { canReportPost } from '../../policies/community';
import { loadVisiblePost } from '../../queries/visiblePost';
import { defineRoute, type RouteTarget } from '../defineRoute';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { idParams } from '../schemas';
import { reportBody } from './schemas';

/** Members report posts. */
export function mountReportRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  defineRoute(target, { method: 'post', path: '/posts/:id/reports', summary: 'Report a post (one report per member)', tag: 'moderation', auth: true, params: idParams, body: reportBody, responses: { 201: '{report}' }, before: [limits.reporting] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { post, actor } = await loadVisiblePost(deps, { userId: auth.user.id, postId: params.id, canSee: canReportPost });
    const now = deps.now();
    const community = await deps.db.community.findUniqueOrThrow({ where: { id: post.communityId }, select: { reportThreshold: true } });
    const outcome = await reportPost({ db: deps.db, now }, { actor, post, threshold: community.reportThreshold, reason: body.reason, ...(body.note ? { note: body.note } : {}) });
    await afterCommit(deps, outcome);
    res.status(201).json({ report: { id: outcome.value.reportId, postId: post.id, reason: body.reason, createdAt: now.toISOString() } });
  });
}
