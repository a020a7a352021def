import type { Request } from 'express';
import { checkInAttendee, undoCheckIn, type CheckInInput } from '../../commands/checkInAttendee';
import { rsvpOnLane } from '../../commands/rsvpOnLane';
import type { CommunityEvent } from '../../contracts/api';
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { fail } from '../../errors';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize } from '../../policies/community';
import { presentRsvp } from '../../presenters/presentRsvp';
import { listAttendees, loadAttendee, myUpcomingEventIds } from '../../queries/attendees';
import { loadEventViewOnLane, loadVisibleEventOnLane } from '../../queries/eventViewOnLane';
import { loadEventViews } from '../../queries/eventViews';
import { loadVisibleEvent } from '../../queries/visibleEvent';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams } from '../schemas';
import { attendeesQuery, checkInBody, checkInParams, rsvpBody } from './rsvpSchemas';

/** How many of my upcoming events GET /me/events lists (soonest first). */
const MY_EVENTS_LIMIT = 100;

/** An event the caller may see, with the caller as an actor of its community; 404 otherwise. */
async function visibleEventFor(deps: Deps, req: Request, eventId: string) {
  const auth = requireUser(req);
  return { ...(await loadVisibleEvent(deps, { userId: auth.user.id, eventId })), auth };
}

async function eventView(deps: Deps, input: { eventId: string; viewerId: string; now: Date }): Promise<CommunityEvent> {
  const [event] = await loadEventViews(deps.db, { eventIds: [input.eventId], viewerId: input.viewerId, now: input.now });
  return event ?? fail('not_found');
}

/** RSVPs, the attendee list, check-in at the door, and my upcoming events. */
export function mountRsvpRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  defineRoute(target, { method: 'put', path: '/events/:id/rsvp', summary: 'Answer going, interested or not_going; going on a full event joins the waitlist', tag: 'events', auth: true, params: idParams, body: rsvpBody, responses: { 200: '{rsvp, event}' }, before: [limits.rsvp] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const { event, actor } = await loadVisibleEventOnLane(deps, { userId: auth.user.id, eventId: params.id });
    const now = deps.now();
    // The hot path runs on the SQL lane (bench/README.md, Events); rsvpToEvent is the same rules on Prisma.
    const outcome = await rsvpOnLane({ sql: deps.sql, now }, { actor, event, answer: body.status });
    await afterCommit(deps, outcome);
    const view = await loadEventViewOnLane(deps.sql, { eventId: event.id, viewerId: auth.user.id, now });
    res.json({ rsvp: presentRsvp(outcome.value.rsvp), event: view ?? fail('not_found') });
  });

  defineRoute(target, { method: 'get', path: '/events/:id/attendees', summary: 'Attendees: going, then the waitlist in order, then interested (?q= name or handle, ?status=, ?limit= up to 500, ?cursor=)', tag: 'events', auth: true, params: idParams, query: attendeesQuery, responses: { 200: '{items, nextCursor}' } }, async ({ params, query }, req, res) => {
    const { event, actor } = await visibleEventFor(deps, req, params.id);
    authorize(actor, 'event.attendees');
    const page = await listAttendees(deps.db, {
      eventId: event.id,
      communityId: event.communityId,
      limit: query.limit,
      ...(query.q ? { q: query.q } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    res.json(page);
  });

  const checkInRoute = async (req: Request, input: { eventId: string; who: CheckInInput['who']; undo: boolean }) => {
    const { event, actor, auth } = await visibleEventFor(deps, req, input.eventId);
    const now = deps.now();
    const command = input.undo ? undoCheckIn : checkInAttendee;
    const outcome = await command({ db: deps.db, now }, { actor, event, who: input.who });
    await afterCommit(deps, outcome);
    const [attendee, view] = await Promise.all([
      loadAttendee(deps.db, { eventId: event.id, userId: outcome.value.rsvp.userId }),
      eventView(deps, { eventId: event.id, viewerId: auth.user.id, now }),
    ]);
    return { attendee: attendee ?? fail('not_found'), event: view };
  };

  defineRoute(target, { method: 'post', path: '/events/:id/checkins', summary: 'Check a going member in by userId or by the code on their QR code (idempotent)', tag: 'events', auth: true, params: idParams, body: checkInBody, responses: { 200: '{attendee, event}' } }, async ({ params, body }, req, res) => {
    const who = body.userId !== undefined ? { userId: body.userId } : { code: body.code ?? '' };
    res.json(await checkInRoute(req, { eventId: params.id, who, undo: false }));
  });

  defineRoute(target, { method: 'delete', path: '/events/:id/checkins/:userId', summary: 'Undo a mistaken check-in', tag: 'events', auth: true, params: checkInParams, responses: { 200: '{attendee, event}' } }, async ({ params }, req, res) => {
    res.json(await checkInRoute(req, { eventId: params.id, who: { userId: params.userId }, undo: true }));
  });

  defineRoute(target, { method: 'get', path: '/me/events', summary: 'My upcoming events (going, waitlisted or interested), soonest first', tag: 'events', auth: true, responses: { 200: '{items}' } }, async (_input, req, res) => {
    const auth = requireUser(req);
    const now = deps.now();
    const eventIds = await myUpcomingEventIds(deps.db, { userId: auth.user.id, now, limit: MY_EVENTS_LIMIT });
    res.json({ items: await loadEventViews(deps.db, { eventIds, viewerId: auth.user.id, now }) });
  });
}
