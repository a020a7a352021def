import { checkText } from '../../checker';
import type { Deps } from '../../deps';
import { createWordRule, deleteWordRule } from '../../commands/manageWordRules';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { presentUser } from '../../presenters/presentUser';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { previewRule } from '../../queries/previewRule';
import { loadRuleSet } from '../../queries/ruleSets';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, pageQuery, slugParams } from '../schemas';
import { checkBody, wordRuleBody } from './schemas';

function presentRule(r: { id: string; pattern: string; match: string; action: string; locale: string | null; createdById: string; createdAt: Date }) {
  return { id: r.id, pattern: r.pattern, match: r.match, action: r.action, locale: r.locale, createdById: r.createdById, createdAt: r.createdAt.toISOString() };
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Word rules, the dry-run check, and the audit log. */
export function mountRuleRoutes(target: RouteTarget, deps: Deps, limits: Pick<RateLimiters, 'rulePreview' | 'ruleCheck'>): void {
  const actorIn = (communityId: string, userId: string) => loadActor(deps.sql, { communityId, userId, now: deps.now() });

  defineRoute(target, { method: 'get', path: '/communities/:slug/word-rules', summary: 'Word rules (manager)', tag: 'moderation', auth: true, params: slugParams, responses: { 200: '{items}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    authorize(await actorIn(community.id, auth.user.id), 'rules.manage');
    const rules = await deps.db.wordRule.findMany({ where: { communityId: community.id }, orderBy: { createdAt: 'desc' } });
    res.json({ items: rules.map(presentRule), nextCursor: null });
  });

  defineRoute(target, { method: 'post', path: '/communities/:slug/word-rules', summary: 'Add a word rule (manager); catastrophic regexes are refused', tag: 'moderation', auth: true, params: slugParams, body: wordRuleBody, responses: { 201: '{rule}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const actor = await actorIn(community.id, auth.user.id);
    const rule = await createWordRule({ db: deps.db, now: deps.now() }, { actor, communityId: community.id, rule: body });
    res.status(201).json({ rule: presentRule(rule) });
  });

  defineRoute(target, { method: 'post', path: '/communities/:slug/word-rules/preview', summary: 'Try a draft rule on the last 500 posts in a worker thread: which outcomes would change; partial when the deadline stops it (manager)', tag: 'moderation', auth: true, params: slugParams, body: wordRuleBody, responses: { 200: '{scanned, total, partial, changed}' }, before: [limits.rulePreview] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    authorize(await actorIn(community.id, auth.user.id), 'rules.manage');
    const onStarted = (): void => deps.logger.info({ community: community.id }, 'rule preview running in a worker thread');
    res.json(await previewRule(deps.db, { community, draft: { ...body, locale: body.locale ?? null }, limit: 500, now: deps.now(), deadlineMs: deps.config.RULE_PREVIEW_DEADLINE_MS, onStarted }));
  });

  defineRoute(target, { method: 'delete', path: '/word-rules/:id', summary: 'Delete a word rule (manager)', tag: 'moderation', auth: true, params: idParams, responses: { 204: 'Deleted' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const rule = await deps.db.wordRule.findUnique({ where: { id: params.id } });
    if (!rule) fail('not_found');
    const actor = await actorIn(rule.communityId, auth.user.id);
    if (actor.role === null || actor.role === 'member') fail('not_found');
    await deleteWordRule({ db: deps.db, now: deps.now() }, { actor, rule });
    res.status(204).end();
  });

  defineRoute(target, { method: 'post', path: '/communities/:slug/moderation/check', summary: 'What the checker would do with a text, without saving (manager)', tag: 'moderation', auth: true, params: slugParams, body: checkBody, responses: { 200: '{action, reasons, censored}' }, before: [limits.ruleCheck] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    authorize(await actorIn(community.id, auth.user.id), 'rules.manage');
    const now = deps.now();
    // A neutral author (long-standing, no recent posts): the dry run shows what the text itself triggers.
    const result = checkText({ text: body.body, title: body.title ?? null, compiled: await loadRuleSet(deps.db, community), author: { id: 'dry-run', joinedAt: new Date(0), recentPosts: [] }, now });
    const effective = result.action !== 'block' && community.moderationMode === 'pre' ? 'hold' : result.action;
    res.json({ action: result.action, effectiveAction: effective, reasons: result.reasons, censored: result.censored, censoredTitle: result.censoredTitle });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug/moderation/log', summary: 'The append-only audit log, newest first (moderator)', tag: 'moderation', auth: true, params: slugParams, query: pageQuery, responses: { 200: '{items, nextCursor}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    authorize(await actorIn(community.id, auth.user.id), 'audit.view');
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await deps.db.auditEntry.findMany({
      where: { communityId: community.id, ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }));
    const actorIds = [...new Set(page.rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
    const users = new Map((await deps.db.user.findMany({ where: { id: { in: actorIds } } })).map((u) => [u.id, presentUser(u)]));
    res.json({
      items: page.rows.map((r) => ({
        id: r.id,
        action: r.action,
        actor: r.actorId ? (users.get(r.actorId) ?? null) : null,
        target: { type: r.targetType, id: r.targetId },
        reason: r.reason,
        before: parseJson(r.before),
        after: parseJson(r.after),
        createdAt: r.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    });
  });
}
