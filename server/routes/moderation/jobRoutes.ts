// A community's own background jobs for its staff (moderator and up), instead of the instance-wide dashboard.
import type { CommunityJobsResponse } from '../../contracts/api';
import type { Deps } from '../../deps';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import { authorize } from '../../policies/community';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { listCommunityJobs, summarizeCommunityJobs } from '../../queries/communityJobs';
import { loadPostViews } from '../../queries/postViews';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { slugParams } from '../schemas';
import { jobsQuery } from './schemas';

/** GET /communities/:slug/moderation/jobs: posts waiting for their check, and scheduled posts. */
export function mountJobRoutes(target: RouteTarget, deps: Deps): void {
  defineRoute(
    target,
    {
      method: 'get',
      path: '/communities/:slug/moderation/jobs',
      summary: "This community's posts waiting for their automatic check or scheduled, longest-waiting first (moderator)",
      tag: 'moderation',
      auth: true,
      params: slugParams,
      query: jobsQuery,
      responses: { 200: '{kind, summary: {checking, scheduled}, items: [{post, dueAt, waitingSeconds}], nextCursor}' },
    },
    async ({ params, query }, req, res) => {
      const auth = requireUser(req);
      const community = await findCommunityOr404(deps.sql, params.slug);
      const now = deps.now();
      authorize(await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now }), 'queue.view');
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      const [summary, rows] = await Promise.all([
        summarizeCommunityJobs(deps.db, { communityId: community.id, now }),
        listCommunityJobs(deps.db, { communityId: community.id, kind: query.kind, limit: query.limit, after }),
      ]);
      const page = toPage(rows, query.limit, (r) => ({ at: r.dueAt, id: r.id }));
      const posts = await loadPostViews(deps.sql, page.rows.map((r) => r.id), { userId: auth.user.id, isStaff: true });
      const byId = new Map(posts.map((p) => [p.id, p]));
      const items = page.rows.flatMap((r) => {
        const post = byId.get(r.id);
        const waitingSeconds = Math.max(0, Math.floor((now.getTime() - r.dueAt.getTime()) / 1000));
        return post ? [{ post, dueAt: r.dueAt.toISOString(), waitingSeconds }] : [];
      });
      const body: CommunityJobsResponse = { kind: query.kind, summary, items, nextCursor: page.nextCursor };
      res.json(body);
    },
  );
}
