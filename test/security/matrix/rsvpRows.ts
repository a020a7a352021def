// Matrix rows of the events work (issue 10), rsvp part: one per route, as the contract says. RSVPs are for members
// who are not muted, suspended or banned; the attendee list and check-in for moderators and up; an event is 404 to
// anyone who may not see it (non-members, staff of other communities, the banned) before any other check.
import { insertEvent } from '../../helpers/eventRows';
import { FORBIDDEN, MUTED, NOT_FOUND, OK, SUSPENDED, UNAUTHENTICATED, signedIn, type CellContext, type Row } from './cells';
import type { World } from './world';

const hour = 3_600_000;

// One event per world, starting in two hours (inside the check-in window), with the world's author going.
const sharedEvents = new WeakMap<World, Promise<{ eventId: string; goingUserId: string }>>();
function sharedEvent({ env, world }: CellContext) {
  let found = sharedEvents.get(world);
  if (!found) {
    found = (async () => {
      const event = await insertEvent(env.db, { communitySlug: world.community.slug, createdById: world.owner.id, startsAt: new Date(Date.now() + 2 * hour) });
      const author = await world.author();
      const res = await env.api.request('PUT', `/api/events/${event.id}/rsvp`, { token: author.token, body: { status: 'going' } });
      if (res.status !== 200) throw new Error(`matrix RSVP failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { eventId: event.id, goingUserId: author.id };
    })();
    sharedEvents.set(world, found);
  }
  return found;
}

/** Moderators and up; members (sanctioned or not) are refused; whoever may not see the event gets 404. */
const staffOnly: Row['expect'] = {
  anonymous: UNAUTHENTICATED,
  nonMember: NOT_FOUND,
  otherModerator: NOT_FOUND,
  otherManager: NOT_FOUND,
  member: FORBIDDEN,
  moderator: OK,
  manager: OK,
  owner: OK,
  banned: NOT_FOUND,
  muted: FORBIDDEN,
  suspended: FORBIDDEN,
};

export const RSVP_ROWS: Record<string, Row> = {
  'PUT /api/events/{id}/rsvp': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: OK, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: MUTED, suspended: SUSPENDED },
    call: async (ctx) => ({ params: { id: (await sharedEvent(ctx)).eventId }, body: { status: 'interested' } }),
  },
  'GET /api/events/{id}/attendees': {
    expect: staffOnly,
    call: async (ctx) => ({ params: { id: (await sharedEvent(ctx)).eventId } }),
  },
  'POST /api/events/{id}/checkins': {
    expect: staffOnly,
    call: async (ctx) => {
      const { eventId, goingUserId } = await sharedEvent(ctx);
      return { params: { id: eventId }, body: { userId: goingUserId } };
    },
  },
  'DELETE /api/events/{id}/checkins/{userId}': {
    expect: staffOnly,
    call: async (ctx) => {
      const { eventId, goingUserId } = await sharedEvent(ctx);
      return { params: { id: eventId, userId: goingUserId } };
    },
  },
  'GET /api/me/events': { expect: signedIn(OK), call: async () => ({}) },
};
