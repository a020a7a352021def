// E-mail preferences (signed in) and one-click unsubscribe (RFC 8058: no session; the token in the URL names member,
// community and kind, server/mail/unsubscribeToken.ts; the access log redacts /unsubscribe/... paths).
import type { Request, Response } from 'express';
import type { Deps } from '../../deps';
import { setEmailPreference } from '../../commands/setEmailPreference';
import { fail } from '../../errors';
import { EMAIL_PREFERENCE_KINDS, type EmailPreferenceKind } from '../../mail/kinds';
import { unsubscribedPage, unsubscribeQuestionPage } from '../../mail/unsubscribePage';
import { mailTokenKey, verifyUnsubscribeToken, type UnsubscribeSubject } from '../../mail/unsubscribeToken';
import { requireUser } from '../../middlewares/authenticate';
import { listEmailPreferences } from '../../queries/emailPreferences';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { emailPreferencesBody, unsubscribeParams } from './emailSchemas';

/** Whether the caller wants a page (a browser) rather than JSON (a mail client's one-click POST, an API client). */
const wantsHtml = (req: Request) => req.accepts(['json', 'html']) === 'html';

/** The member, community and kind a token names, or 404 for anything else (also when either is gone). */
async function resolveToken(deps: Deps, token: string) {
  const subject: UnsubscribeSubject | null = verifyUnsubscribeToken(mailTokenKey(deps.config), token);
  if (!subject) fail('not_found');
  const [user, community] = await Promise.all([
    deps.db.user.findUnique({ where: { id: subject.userId }, select: { locale: true } }),
    deps.db.community.findUnique({ where: { id: subject.communityId }, select: { slug: true, name: true } }),
  ]);
  if (!user || !community) fail('not_found');
  const locale: 'id' | 'en' = user.locale === 'en' ? 'en' : 'id';
  return { subject, locale, community };
}

function sendPage(res: Response, html: string): void {
  // A page reached through a credential in its URL: no cache keeps it, no link on it leaks the URL onwards.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.type('html').send(html);
}

/** GET/PUT /me/email-preferences and GET/POST /unsubscribe/:token. */
export function mountEmailRoutes(target: RouteTarget, deps: Deps): void {
  const answer = async (userId: string) => ({ emailEnabled: deps.config.SMTP_URL !== undefined, preferences: await listEmailPreferences(deps.db, userId) });

  defineRoute(target, { method: 'get', path: '/me/email-preferences', summary: 'My e-mail switches per community (digest, events); on unless switched off', tag: 'me', auth: true, responses: { 200: '{emailEnabled, preferences: [{community: {slug, name}, digest, events}]}' } }, async (_i, req, res) => {
    const auth = requireUser(req);
    res.json(await answer(auth.user.id));
  });

  defineRoute(target, { method: 'put', path: '/me/email-preferences', summary: 'Change my e-mail switches of one or more communities I belong to', tag: 'me', auth: true, body: emailPreferencesBody, responses: { 200: '{emailEnabled, preferences}' } }, async ({ body }, req, res) => {
    const auth = requireUser(req);
    const slugs = [...new Set(body.preferences.map((p) => p.slug))];
    const memberships = await deps.db.membership.findMany({ where: { userId: auth.user.id, status: 'active', community: { slug: { in: slugs } } }, select: { communityId: true, community: { select: { slug: true } } } });
    const bySlug = new Map(memberships.map((m) => [m.community.slug, m.communityId]));
    // A community the caller does not belong to is one they may not know exists: 404, and nothing is changed.
    if (slugs.some((slug) => !bySlug.has(slug))) fail('not_found');
    const now = deps.now();
    for (const change of body.preferences) {
      for (const kind of EMAIL_PREFERENCE_KINDS) {
        const enabled = change[kind];
        const communityId = bySlug.get(change.slug);
        if (enabled !== undefined && communityId) await setEmailPreference({ db: deps.db, now }, { userId: auth.user.id, communityId, kind, enabled });
      }
    }
    res.json(await answer(auth.user.id));
  });

  defineRoute(target, { method: 'get', path: '/unsubscribe/:token', summary: 'What a one-click unsubscribe link stops: a page with a button (browsers) or JSON; changes nothing', tag: 'me', auth: false, params: unsubscribeParams, responses: { 200: 'text/html, or {subscription: {community: {slug, name}, kind, enabled}}' } }, async ({ params }, req, res) => {
    const { subject, locale, community } = await resolveToken(deps, params.token);
    if (wantsHtml(req)) return sendPage(res, unsubscribeQuestionPage({ locale, kind: subject.kind, communityName: community.name }));
    const row = await deps.db.emailPreference.findUnique({ where: { userId_communityId_kind: { userId: subject.userId, communityId: subject.communityId, kind: subject.kind } }, select: { enabled: true } });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ subscription: { community, kind: subject.kind, enabled: row?.enabled ?? true } });
  });

  defineRoute(target, { method: 'post', path: '/unsubscribe/:token', summary: 'One-click unsubscribe (RFC 8058): stops that kind of e-mail from that community for the member the token names', tag: 'me', auth: false, params: unsubscribeParams, responses: { 200: '{subscription: {community: {slug, name}, kind, enabled: false}} (text/html for a browser form)' } }, async ({ params }, req, res) => {
    const { subject, locale, community } = await resolveToken(deps, params.token);
    const kind: EmailPreferenceKind = subject.kind;
    await setEmailPreference({ db: deps.db, now: deps.now() }, { userId: subject.userId, communityId: subject.communityId, kind, enabled: false });
    if (wantsHtml(req)) return sendPage(res, unsubscribedPage({ locale, kind, communityName: community.name }));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ subscription: { community, kind, enabled: false } });
  });
}
