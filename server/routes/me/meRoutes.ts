import { z } from 'zod';
import type { Deps } from '../../deps';
import { markNotificationsRead } from '../../commands/markNotificationsRead';
import { updateProfile } from '../../commands/updateProfile';
import type { MembershipSummary } from '../../contracts/api';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import { presentNotification } from '../../presenters/presentNotification';
import { presentMe } from '../../presenters/presentUser';
import { asRole } from '../../policies/roles';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { localeSchema, nameText, pageQuery } from '../schemas';

const profilePatch = z.object({ displayName: nameText({ max: 60 }).optional(), locale: localeSchema.optional() });
const readBody = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) });

/** The signed-in user: profile, memberships, notifications. */
export function mountMeRoutes(target: RouteTarget, deps: Deps): void {
  defineRoute(target, { method: 'get', path: '/me', summary: 'Who am I', tag: 'me', auth: true, responses: { 200: '{user, memberships}' } }, async (_i, req, res) => {
    const auth = requireUser(req);
    const user = await deps.db.user.findUnique({
      where: { id: auth.user.id },
      include: { memberships: { include: { community: { select: { slug: true, name: true } } }, orderBy: { joinedAt: 'asc' } } },
    });
    if (!user) fail('unauthenticated');
    const memberships: MembershipSummary[] = user.memberships.map((m) => ({
      community: m.community,
      role: asRole(m.role),
      status: m.status === 'banned' ? 'banned' : 'active',
    }));
    res.json({ user: presentMe(user), memberships });
  });

  defineRoute(target, { method: 'patch', path: '/me', summary: 'Change my display name or language', tag: 'me', auth: true, body: profilePatch, responses: { 200: '{user}' } }, async ({ body }, req, res) => {
    const auth = requireUser(req);
    const user = await updateProfile({ db: deps.db }, { userId: auth.user.id, ...body });
    res.json({ user: presentMe(user) });
  });

  defineRoute(target, { method: 'get', path: '/me/notifications', summary: 'My notifications, newest first', tag: 'me', auth: true, query: pageQuery, responses: { 200: '{items, nextCursor}' } }, async ({ query }, req, res) => {
    const auth = requireUser(req);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await deps.db.notification.findMany({
      where: {
        userId: auth.user.id,
        ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
      },
      include: { community: { select: { slug: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
    const unread = await deps.db.notification.count({ where: { userId: auth.user.id, readAt: null } });
    res.json({ items: page.rows.map(presentNotification), nextCursor: page.nextCursor, unreadCount: unread });
  });

  defineRoute(target, { method: 'post', path: '/me/notifications/read', summary: 'Mark notifications read', tag: 'me', auth: true, body: readBody, responses: { 204: 'Marked' } }, async ({ body }, req, res) => {
    const auth = requireUser(req);
    await markNotificationsRead({ db: deps.db, now: deps.now() }, { userId: auth.user.id, ids: body.ids });
    res.status(204).end();
  });
}
