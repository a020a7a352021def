import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { changeRole } from '../../commands/changeRole';
import { liftSanction } from '../../commands/liftSanction';
import { sanctionMember } from '../../commands/sanctionMember';
import type { Member } from '../../contracts/api';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import { authorize } from '../../policies/community';
import { asRole } from '../../policies/roles';
import { presentSanction } from '../../presenters/presentSanction';
import { presentUser } from '../../presenters/presentUser';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, pageQuery, slugParams } from '../schemas';
import { memberParams, roleBody, sanctionBody } from './schemas';

/** Members: list, role changes, sanctions. */
export function mountMemberRoutes(target: RouteTarget, deps: Deps): void {
  const actorIn = (communityId: string, userId: string) => loadActor(deps.sql, { communityId, userId, now: deps.now() });

  defineRoute(target, { method: 'get', path: '/communities/:slug/members', summary: 'Members with role, status and counts (moderator)', tag: 'members', auth: true, params: slugParams, query: pageQuery, responses: { 200: '{items, nextCursor}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    authorize(await actorIn(community.id, auth.user.id), 'members.list');
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await deps.db.membership.findMany({
      where: {
        communityId: community.id,
        ...(after ? { OR: [{ joinedAt: { lt: after.at } }, { joinedAt: after.at, id: { lt: after.id } }] } : {}),
      },
      include: { user: true },
      orderBy: [{ joinedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => ({ at: r.joinedAt, id: r.id }));
    const postCounts = await deps.db.post.groupBy({
      by: ['authorId'],
      where: { communityId: community.id, authorId: { in: page.rows.map((r) => r.userId) }, status: 'published' },
      _count: { _all: true },
    });
    const countBy = new Map(postCounts.map((c) => [c.authorId, c._count._all]));
    const items: Member[] = page.rows.map((m) => ({
      user: presentUser(m.user),
      role: asRole(m.role),
      status: m.status === 'banned' ? 'banned' : 'active',
      joinedAt: m.joinedAt.toISOString(),
      counts: { posts: countBy.get(m.userId) ?? 0 },
    }));
    res.json({ items, nextCursor: page.nextCursor });
  });

  defineRoute(target, { method: 'put', path: '/communities/:slug/members/:userId/role', summary: 'Change a member role (manager: up to moderator; owner: up to manager)', tag: 'members', auth: true, params: memberParams, body: roleBody, responses: { 200: '{membership}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const actor = await actorIn(community.id, auth.user.id);
    const outcome = await changeRole({ db: deps.db, now: deps.now() }, { actor, community, userId: params.userId, role: body.role });
    await afterCommit(deps, outcome);
    res.json({ membership: { communitySlug: community.slug, userId: params.userId, role: outcome.value.role, status: 'active' } });
  });

  defineRoute(target, { method: 'post', path: '/communities/:slug/members/:userId/sanctions', summary: 'Warn, mute, suspend (moderator) or ban (manager)', tag: 'members', auth: true, params: memberParams, body: sanctionBody, responses: { 201: '{sanction}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const actor = await actorIn(community.id, auth.user.id);
    const outcome = await sanctionMember({ db: deps.db, now: deps.now() }, { actor, community, userId: params.userId, ...body });
    await afterCommit(deps, outcome);
    res.status(201).json({ sanction: presentSanction(outcome.value, community.slug) });
  });

  defineRoute(target, { method: 'delete', path: '/sanctions/:id', summary: 'Lift a sanction', tag: 'members', auth: true, params: idParams, responses: { 204: 'Lifted' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const outcome = await liftSanction({ db: deps.db, sql: deps.sql, now: deps.now() }, { sanctionId: params.id, actorId: auth.user.id });
    await afterCommit(deps, outcome);
    res.status(204).end();
  });
}
