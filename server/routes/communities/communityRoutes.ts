import type { Deps } from '../../deps';
import { createCommunity } from '../../commands/createCommunity';
import { joinCommunity } from '../../commands/joinCommunity';
import { updateSettings } from '../../commands/updateSettings';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { asRole } from '../../policies/roles';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404, presentCommunities } from '../../queries/communities';
import { loadPostViews } from '../../queries/postViews';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { pageQuery, slugParams } from '../schemas';
import { listCommunityEvents } from '../../queries/eventList';
import { loadEventViews } from '../../queries/eventViews';
import { calendarQuery, createCommunityBody, settingsBody } from './schemas';

/** Communities: list, create, read, settings, join, calendar. */
export function mountCommunityRoutes(target: RouteTarget, deps: Deps, limits: Pick<RateLimiters, 'communityCreation'>): void {
  defineRoute(target, { method: 'get', path: '/communities', summary: 'All communities, newest first', tag: 'communities', auth: true, query: pageQuery, responses: { 200: '{items, nextCursor}' } }, async ({ query }, req, res) => {
    const auth = requireUser(req);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await deps.db.community.findMany({
      where: after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
    res.json({ items: await presentCommunities(deps.db, page.rows, auth.user.id), nextCursor: page.nextCursor });
  });

  defineRoute(target, { method: 'post', path: '/communities', summary: 'Create a community (you become its owner)', tag: 'communities', auth: true, body: createCommunityBody, responses: { 201: '{community}' }, before: [limits.communityCreation] }, async ({ body }, req, res) => {
    const auth = requireUser(req);
    const row = await createCommunity({ db: deps.db, now: deps.now() }, {
      ownerId: auth.user.id,
      slug: body.slug,
      name: body.name,
      description: body.description ?? '',
      locale: body.locale ?? req.locale,
    });
    const [community] = await presentCommunities(deps.db, [row], auth.user.id);
    res.status(201).json({ community });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug', summary: 'A community with its settings', tag: 'communities', auth: true, params: slugParams, responses: { 200: '{community}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const row = await findCommunityOr404(deps.sql, params.slug);
    const [community] = await presentCommunities(deps.db, [row], auth.user.id);
    res.json({ community });
  });

  defineRoute(target, { method: 'patch', path: '/communities/:slug/settings', summary: 'Change settings (manager)', tag: 'communities', auth: true, params: slugParams, body: settingsBody, responses: { 200: '{community}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const row = await findCommunityOr404(deps.sql, params.slug);
    authorize(await loadActor(deps.sql, { communityId: row.id, userId: auth.user.id, now: deps.now() }), 'settings.update');
    const updated = await updateSettings({ db: deps.db, now: deps.now() }, { communityId: row.id, actorId: auth.user.id, patch: body });
    const [community] = await presentCommunities(deps.db, [updated], auth.user.id);
    res.json({ community });
  });

  defineRoute(target, { method: 'post', path: '/communities/:slug/join', summary: 'Join as a member', tag: 'communities', auth: true, params: slugParams, responses: { 201: '{membership}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const row = await findCommunityOr404(deps.sql, params.slug);
    const m = await joinCommunity({ db: deps.db, now: deps.now() }, { communityId: row.id, userId: auth.user.id });
    res.status(201).json({
      membership: { communitySlug: row.slug, userId: m.userId, role: asRole(m.role), status: 'active', joinedAt: m.joinedAt.toISOString() },
    });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug/calendar', summary: 'Scheduled posts and events in a range (manager)', tag: 'communities', auth: true, params: slugParams, query: calendarQuery, responses: { 200: '{scheduledPosts, events}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const row = await findCommunityOr404(deps.sql, params.slug);
    authorize(await loadActor(deps.sql, { communityId: row.id, userId: auth.user.id, now: deps.now() }), 'settings.update');
    const scheduled = await deps.db.post.findMany({
      where: { communityId: row.id, status: 'scheduled', publishAt: { gte: new Date(query.from), lt: new Date(query.to) } },
      orderBy: { publishAt: 'asc' },
      take: 500,
      select: { id: true },
    });
    const scheduledPosts = await loadPostViews(deps.sql, scheduled.map((p) => p.id), { userId: auth.user.id, isStaff: true });
    // Events starting in the range, ascending, capped like the posts (one extra row is what the pager would ask for).
    const eventRows = await listCommunityEvents(deps.db, { communityId: row.id, from: new Date(query.from), to: new Date(query.to), after: null, limit: 499 });
    const events = await loadEventViews(deps.db, { eventIds: eventRows.map((e) => e.id), viewerId: auth.user.id, now: deps.now() });
    res.json({ scheduledPosts, events });
  });
}
