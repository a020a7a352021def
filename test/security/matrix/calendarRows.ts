// Matrix rows of the events work (issue 10), calendar part: one per route, as the contract says.
// Files of events are for members (an event id is a thing a non-member may not know exists: 404; a community's file
// answers like its other member routes: 403). The feed token route takes no session: the token decides, whoever asks.
import { randomBytes } from 'node:crypto';
import type { CalendarFeed } from '../../../server/contracts/calendarFeed';
import { insertEvent } from '../../helpers/eventRows';
import { BANNED, CREATED, GONE, NOT_FOUND, NOT_MEMBER, OK, UNAUTHENTICATED, everyone, signedIn, slug, type Row } from './cells';
import { newUser, type Env, type World } from './world';

// One event per world, for rows that only read it.
const sharedEvents = new WeakMap<World, Promise<string>>();
function worldEvent(env: Env, world: World): Promise<string> {
  let id = sharedEvents.get(world);
  if (!id) {
    id = insertEvent(env.db, { communitySlug: world.community.slug, createdById: world.owner.id }).then((row) => row.id);
    sharedEvents.set(world, id);
  }
  return id;
}

/** The token of a new user's feed: rows that rotate the caller's own feed run at the same time as this one. */
async function someonesFeedToken(env: Env): Promise<string> {
  const user = await newUser(env);
  const res = await env.api.request<{ feed: CalendarFeed }>('POST', '/api/me/calendar-feed', { token: user.token });
  const token = res.body.feed?.url?.match(/\/calendar\/([^/]+)\.ics$/)?.[1];
  if (res.status !== 201 || !token) throw new Error(`feed failed: ${res.status} ${JSON.stringify(res.body)}`);
  return token;
}

export const CALENDAR_ROWS: Record<string, Row> = {
  'GET /api/events/{id}/ics': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: OK, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: OK, suspended: OK },
    call: async ({ env, world }) => ({ params: { id: await worldEvent(env, world) } }),
  },
  'GET /api/communities/{slug}/events.ics': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_MEMBER, otherModerator: NOT_MEMBER, otherManager: NOT_MEMBER, member: OK, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: OK, suspended: OK },
    call: async (ctx) => slug(ctx),
  },
  'GET /api/me/calendar-feed': { expect: signedIn(OK), call: async () => ({}) },
  'POST /api/me/calendar-feed': { expect: signedIn(CREATED), call: async () => ({}) },
  'DELETE /api/me/calendar-feed': { expect: signedIn(GONE), call: async () => ({}) },
  'GET /api/calendar/{token}.ics': {
    expect: everyone(OK),
    call: async ({ env }) => ({ params: { token: await someonesFeedToken(env) } }),
  },
  'GET /api/calendar/{token}.ics #unknown token': {
    expect: everyone(NOT_FOUND),
    call: async () => ({ params: { token: randomBytes(32).toString('base64url') } }),
  },
};
