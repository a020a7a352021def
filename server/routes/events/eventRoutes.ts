// Events of a community: create, edit, cancel (managers), list by range and read one (members). Every answer is
// built by loadEventViews, with the caller's own RSVP, in a fixed number of queries per page.
import type { Request } from 'express';
import type { Locale } from '../../contracts/api';
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { cancelEvent } from '../../commands/cancelEvent';
import { createEvent } from '../../commands/createEvent';
import { assertChangeable, updateEvent } from '../../commands/updateEvent';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { scheduleProblems, type EventProblem } from '../../lib/eventRules';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { listCommunityEvents } from '../../queries/eventList';
import { loadEventViews } from '../../queries/eventViews';
import { loadVisibleEvent } from '../../queries/visibleEvent';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, slugParams } from '../schemas';
import { createEventBody, listEventsQuery, updateEventBody, type UpdateEventBody } from './eventSchemas';

const DAY = 24 * 3_600_000;

/** The event as the caller sees it (with their own RSVP). */
async function present(deps: Deps, eventId: string, viewerId: string) {
  const [event] = await loadEventViews(deps.db, { eventIds: [eventId], viewerId, now: deps.now() });
  return event ?? fail('not_found');
}

/** 422 details in the reader's language, as validate.ts writes them for the schemas' own problems. */
function problemDetails(problems: EventProblem[], locale: Locale) {
  return problems.map((p) => ({ path: p.field ? `body.${p.field}` : 'body', message: p.messages[locale], reason: p.reason }));
}

/** Start and end of an edit checked together with the stored ones: only a start that moves may not lie in the past. */
function editProblems(stored: { startsAt: Date; endsAt: Date }, body: UpdateEventBody, now: Date): EventProblem[] {
  if (!body.startsAt && !body.endsAt) return [];
  const startsAt = body.startsAt ?? stored.startsAt;
  const endsAt = body.endsAt ?? stored.endsAt;
  return scheduleProblems({ startsAt, endsAt, now, startChanged: startsAt.getTime() !== stored.startsAt.getTime() });
}

/** Routes of the events work (issue 10), event part. */
export function mountEventRoutes(target: RouteTarget, deps: Deps, _limits: RateLimiters): void {
  defineRoute(target, { method: 'post', path: '/communities/:slug/events', summary: 'Create an event (manager)', tag: 'events', auth: true, params: slugParams, body: createEventBody(deps.now), responses: { 201: '{event}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now });
    const outcome = await createEvent({ db: deps.db, now }, { actor, communityId: community.id, event: body });
    await afterCommit(deps, outcome);
    res.status(201).json({ event: await present(deps, outcome.value.id, auth.user.id) });
  });

  defineRoute(target, { method: 'get', path: '/communities/:slug/events', summary: 'Events running in the range, ascending by start (?from= default a day ago, ?to=, paged)', tag: 'events', auth: true, params: slugParams, query: listEventsQuery, responses: { 200: '{items, nextCursor}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    authorize(await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now }), 'event.read');
    const rows = await listCommunityEvents(deps.db, {
      communityId: community.id,
      // Events that ended in the last day stay listed (a kopdar this morning); running ones always are.
      from: query.from ? new Date(query.from) : new Date(now.getTime() - DAY),
      to: query.to ? new Date(query.to) : null,
      after: query.cursor ? decodeCursor(query.cursor) : null,
      limit: query.limit,
    });
    const page = toPage(rows, query.limit, (row) => ({ at: row.startsAt, id: row.id }));
    const items = await loadEventViews(deps.db, { eventIds: page.rows.map((row) => row.id), viewerId: auth.user.id, now });
    res.json({ items, nextCursor: page.nextCursor });
  });

  defineRoute(target, { method: 'get', path: '/events/:id', summary: 'One event, with my RSVP', tag: 'events', auth: true, params: idParams, responses: { 200: '{event}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { event, actor } = await loadVisibleEvent(deps, { userId: auth.user.id, eventId: params.id });
    authorize(actor, 'event.read');
    res.json({ event: await present(deps, event.id, auth.user.id) });
  });

  defineRoute(target, { method: 'patch', path: '/events/:id', summary: 'Edit an event (manager); optional `sequence` guards against overwriting a newer version', tag: 'events', auth: true, params: idParams, body: updateEventBody, responses: { 200: '{event}' } }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { event, actor } = await loadVisibleEvent(deps, { userId: auth.user.id, eventId: params.id });
    authorize(actor, 'event.manage');
    const now = deps.now();
    // An ended or cancelled event answers 409 whatever the edit, before its fields are weighed.
    assertChangeable(event, now);
    const problems = editProblems(event, body, now);
    if (problems.length) fail('validation_failed', { details: problemDetails(problems, localeOf(req)) });
    const { sequence, ...patch } = body;
    const outcome = await updateEvent({ db: deps.db, now }, { actor, event, patch, expectedSequence: sequence });
    await afterCommit(deps, outcome);
    res.json({ event: await present(deps, event.id, auth.user.id) });
  });

  defineRoute(target, { method: 'post', path: '/events/:id/cancel', summary: 'Cancel an event (manager); members are notified', tag: 'events', auth: true, params: idParams, responses: { 200: '{event}' } }, async ({ params }, req, res) => {
    const auth = requireUser(req);
    const { event, actor } = await loadVisibleEvent(deps, { userId: auth.user.id, eventId: params.id });
    const outcome = await cancelEvent({ db: deps.db, now: deps.now() }, { actor, event });
    await afterCommit(deps, outcome);
    res.json({ event: await present(deps, event.id, auth.user.id) });
  });
}

function localeOf(req: Request): Locale {
  return req.locale ?? 'en';
}
