// iCalendar: one event's file, a community's file (members, signed in) and the member's private feed, fetched by
// calendar apps without a session: the token in its URL is the credential (only its SHA-256 is stored; the access
// log redacts the path, server/logger.ts).
import type { Request, Response } from 'express';
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { buildCalendar, calendarFileName, dominantTimezone, type CalendarEventInput } from '../../calendar/buildCalendar';
import { issueCalendarFeed } from '../../commands/issueCalendarFeed';
import { revokeCalendarFeed } from '../../commands/revokeCalendarFeed';
import { fail } from '../../errors';
import { hashToken } from '../../lib/tokens';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { presentCalendarFeed } from '../../presenters/presentCalendarFeed';
import { loadActor } from '../../queries/actor';
import { findFeedOwner, listCommunityCalendarEvents, listFeedEvents } from '../../queries/calendarEvents';
import { findCommunityOr404 } from '../../queries/communities';
import { loadVisibleEvent } from '../../queries/visibleEvent';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, slugParams } from '../schemas';
import { FEED_TOKEN_SHAPE, feedTokenParams } from './calendarSchemas';

const DEFAULT_TIMEZONE = 'Asia/Jakarta';
/** Subscribed calendars are asked to fetch again every hour (most apps poll less often whatever they are told). */
const FEED_REFRESH_SECONDS = 3600;
const FEED_NAME = { id: 'Acara saya · Rukun', en: 'My events · Rukun' } as const;

/** The instance's public origin (first PUBLIC_ORIGINS entry), without a trailing slash; null when not configured. */
function publicOrigin(deps: Deps): string | null {
  const first = deps.config.PUBLIC_ORIGINS[0];
  return first ? first.replace(/\/+$/, '') : null;
}

/**
 * The right-hand side of every UID: the public host, or "rukun" when none is configured. Event ids are UUIDs, so
 * UIDs are unique either way; keep PUBLIC_ORIGINS' first entry fixed, as calendars match events by UID.
 */
function uidHost(deps: Deps): string {
  const origin = publicOrigin(deps);
  if (!origin) return 'rukun';
  try {
    return new URL(origin).hostname || 'rukun';
  } catch {
    return 'rukun';
  }
}

function sendCalendar(res: Response, input: { body: string; fileName?: string; cacheControl: string }): void {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Cache-Control', input.cacheControl);
  if (input.fileName) res.setHeader('Content-Disposition', `attachment; filename="${input.fileName}"`);
  res.send(input.body);
}

/** iCalendar files and the personal calendar feed. */
export function mountCalendarRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  const build = (input: { name: string; timezone: string; events: CalendarEventInput[]; refreshSeconds?: number }) =>
    buildCalendar({ ...input, uidHost: uidHost(deps), clientOrigin: publicOrigin(deps), now: deps.now() });
  // Without PUBLIC_ORIGINS the feed URL uses the address the member reached this server by.
  const originOf = (req: Request) => publicOrigin(deps) ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

  defineRoute(target, { method: 'get', path: '/events/:id/ics', summary: 'One event as an iCalendar file (text/calendar)', tag: 'events', auth: true, params: idParams, responses: { 200: 'text/calendar' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { event, actor } = await loadVisibleEvent(deps, { userId: auth.user.id, eventId: params.id });
    authorize(actor, 'event.read');
    const body = build({ name: event.title, timezone: event.timezone, events: [event] });
    sendCalendar(res, { body, fileName: calendarFileName(event.title), cacheControl: 'private, no-cache' });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug/events.ics', summary: "A community's events from 30 days ago to a year ahead, cancelled ones included (text/calendar)", tag: 'events', auth: true, params: slugParams, responses: { 200: 'text/calendar' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now });
    authorize(actor, 'event.read');
    const events = await listCommunityCalendarEvents(deps.db, { communityId: community.id, now });
    const body = build({ name: community.name, timezone: dominantTimezone(events, community.digestTimezone || DEFAULT_TIMEZONE), events });
    sendCalendar(res, { body, fileName: `${community.slug}.ics`, cacheControl: 'private, no-cache' });
  });

  defineRoute(target, { method: 'get', path: '/me/calendar-feed', summary: 'Whether I have a calendar feed (its URL is shown only when made)', tag: 'events', auth: true, responses: { 200: '{feed: {url: null, webcalUrl: null, createdAt} | null}' } }, async (_i, req, res) => {
    const auth = requireUser(req);
    const feed = await deps.db.calendarFeed.findUnique({ where: { userId: auth.user.id }, select: { createdAt: true } });
    res.json({ feed: feed ? presentCalendarFeed({ createdAt: feed.createdAt, origin: originOf(req), token: null }) : null });
  });

  defineRoute(target, { method: 'post', path: '/me/calendar-feed', summary: 'Make my private calendar feed URL, or a new one (the old URL stops working)', tag: 'events', auth: true, responses: { 201: '{feed: {url, webcalUrl, createdAt}}' } }, async (_i, req, res) => {
    const auth = requireUser(req);
    const outcome = await issueCalendarFeed({ db: deps.db, now: deps.now() }, { userId: auth.user.id });
    await afterCommit(deps, outcome);
    // The answer carries the credential: no browser or proxy may keep a copy.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json({ feed: presentCalendarFeed({ createdAt: outcome.value.createdAt, origin: originOf(req), token: outcome.value.token }) });
  });

  defineRoute(target, { method: 'delete', path: '/me/calendar-feed', summary: 'Stop my calendar feed (its URL answers 404)', tag: 'events', auth: true, responses: { 204: 'Revoked (also when there was none)' } }, async (_i, req, res) => {
    const auth = requireUser(req);
    await afterCommit(deps, await revokeCalendarFeed({ db: deps.db }, { userId: auth.user.id }));
    res.status(204).end();
  });

  defineRoute(
    target,
    {
      method: 'get',
      path: '/calendar/:token.ics',
      summary: 'My private calendar feed: events I am going to or waitlisted for (no session; the token is the credential)',
      tag: 'events',
      auth: false,
      params: feedTokenParams,
      responses: { 200: 'text/calendar' },
      // Per feed first: a feed over its own limit must not also use up its address's allowance of misses.
      before: [limits.calendarFeed, limits.calendarFeedMisses],
    },
    async ({ params }, _req, res) => {
      const owner = FEED_TOKEN_SHAPE.test(params.token) ? await findFeedOwner(deps.db, hashToken(params.token)) : null;
      if (!owner) fail('not_found');
      const events = await listFeedEvents(deps.db, { userId: owner.userId, now: deps.now() });
      const name = owner.user.locale === 'en' ? FEED_NAME.en : FEED_NAME.id;
      const body = build({ name, timezone: dominantTimezone(events, DEFAULT_TIMEZONE), events, refreshSeconds: FEED_REFRESH_SECONDS });
      sendCalendar(res, { body, cacheControl: 'private, max-age=300' });
    },
  );
}
