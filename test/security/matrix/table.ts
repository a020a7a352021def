// The expected authorization matrix: for every route, the answer each caller kind must get, as the contract
// (/work/shared/api.md: Roles, Conventions) says, not as the code happens to answer. A key is `METHOD /path` exactly
// as the OpenAPI document spells it; `METHOD /path #variant` adds a second situation on the same route.
//
// A cell is "STATUS" or "STATUS error_code"; "A | B" accepts either (only where a fix on another branch chooses).
// null means the situation cannot exist for that caller (e.g. the own post of someone who never was a member).
// Cells marked `// issue 9 finding N` fail until that finding's fix is merged; `// new finding Nx` are contract
// violations this matrix found (see the report of branch sec-matrix).
import type { CallerKind } from './callers';
import {
  heldItem,
  newMember,
  newSession,
  newUser,
  publishedPost,
  sanction,
  unique,
  wordRule,
  type Caller,
  type Env,
  type World,
} from './world';

import { UNAUTHENTICATED, OK, CREATED, GONE, FORBIDDEN, NOT_MEMBER, OWN_POST, BANNED, MUTED, SUSPENDED, NOT_FOUND, ALREADY_MEMBER, NA, signedIn, everyone, slug, type Call, type Cell, type CellContext, type Row } from './cells';
import { CALENDAR_ROWS } from './calendarRows';
import { EVENT_ROWS } from './eventRows';
import { RSVP_ROWS } from './rsvpRows';
import { SURVEY_ROWS } from './surveyRows';
import { RESPONSE_ROWS } from './responseRows';
import { RESULT_ROWS } from './resultRows';
import { FEEDBACK_ROWS } from './feedbackRows';
import { SCHEDULE_ROWS } from './scheduleRows';
import { MAIL_ROWS } from './mailRows';

export type { Call, Cell, CellContext, Row } from './cells';

// One published post and one held item per world, for rows that only read them.
const sharedTargets = new WeakMap<World, Promise<{ postId: string; held: { postId: string; itemId: string; version: number } }>>();
function shared(env: Env, world: World) {
  let targets = sharedTargets.get(world);
  if (!targets) {
    targets = Promise.all([publishedPost(env, world), heldItem(env, world)]).then(([postId, held]) => ({ postId, held }));
    sharedTargets.set(world, targets);
  }
  return targets;
}

export const TABLE: Record<string, Row> = {
  // ---- accounts ----
  'POST /api/auth/register': {
    expect: everyone(CREATED),
    call: async () => {
      const handle = `m_${unique()}`;
      return { body: { handle, email: `${handle}@example.test`, password: 'kata-sandi-rahasia', displayName: 'Matriks' } };
    },
  },
  'POST /api/auth/login': {
    expect: everyone(OK),
    call: async ({ env }) => ({ body: { login: (await newUser(env)).handle, password: 'kata-sandi-rahasia' } }),
  },
  'POST /api/auth/logout': {
    expect: signedIn(GONE),
    // A second session of the caller: ending the caller's own would sign it out of every later row.
    call: async ({ env, caller }) => ({ token: caller.user ? await newSession(env, caller.user) : null }),
  },
  'GET /api/me': { expect: signedIn(OK), call: async () => ({}) },
  'PATCH /api/me': { expect: signedIn(OK), call: async () => ({ body: { displayName: 'Nama Matriks' } }) },
  'GET /api/me/notifications': { expect: signedIn(OK), call: async () => ({}) },
  'POST /api/me/notifications/read': {
    expect: signedIn(GONE),
    // The caller's own latest notification where it has one; ids of others are ignored, by the contract.
    call: async ({ env, caller }) => {
      const own = caller.user
        ? await env.db.notification.findFirst({ where: { userId: caller.user.id }, orderBy: { createdAt: 'desc' }, select: { id: true } })
        : null;
      return { body: { ids: [own?.id ?? 'no-notification-of-mine'] } };
    },
  },

  // ---- communities ----
  'GET /api/communities': { expect: signedIn(OK), call: async () => ({ query: { limit: '5' } }) },
  'POST /api/communities': {
    fresh: true,
    expect: signedIn(CREATED),
    call: async () => ({ body: { slug: `m-${unique()}`, name: 'Komunitas Matriks' } }),
  },
  // Communities are listed to everyone signed in: their profile is no secret, also for a banned user.
  'GET /api/communities/{slug}': { expect: signedIn(OK), call: async (ctx) => slug(ctx) },
  'PATCH /api/communities/{slug}/settings': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    // A setting no other row depends on.
    call: async (ctx) => ({ ...slug(ctx), body: { digest: { cadence: 'off', hour: 8, timezone: 'Asia/Jakarta' } } }),
  },
  'POST /api/communities/{slug}/join': {
    fresh: true,
    expect: { anonymous: UNAUTHENTICATED, nonMember: CREATED, otherModerator: CREATED, otherManager: CREATED, member: ALREADY_MEMBER, moderator: ALREADY_MEMBER, manager: ALREADY_MEMBER, owner: ALREADY_MEMBER, banned: BANNED, muted: ALREADY_MEMBER, suspended: ALREADY_MEMBER },
    call: async (ctx) => slug(ctx),
  },
  'GET /api/communities/{slug}/calendar': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => ({ ...slug(ctx), query: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } }),
  },

  // ---- members and sanctions ----
  'GET /api/communities/{slug}/members': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => slug(ctx),
  },
  'PUT /api/communities/{slug}/members/{userId}/role': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async ({ env, world }) => ({ params: { slug: world.community.slug, userId: (await newMember(env, world)).id }, body: { role: 'moderator' } }),
  },
  'PUT /api/communities/{slug}/members/{userId}/role #to manager': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: FORBIDDEN, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async ({ env, world }) => ({ params: { slug: world.community.slug, userId: (await newMember(env, world)).id }, body: { role: 'manager' } }),
  },
  'POST /api/communities/{slug}/members/{userId}/sanctions': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: CREATED, manager: CREATED, owner: CREATED, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async ({ env, world }) => ({ params: { slug: world.community.slug, userId: (await newMember(env, world)).id }, body: { kind: 'warn', reason: 'matriks' } }),
  },
  'POST /api/communities/{slug}/members/{userId}/sanctions #ban': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: CREATED, owner: CREATED, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async ({ env, world }) => ({ params: { slug: world.community.slug, userId: (await newMember(env, world)).id }, body: { kind: 'ban', reason: 'matriks' } }),
  },
  // Sanctions are staff business: a member may not learn that one exists (404).
  'DELETE /api/sanctions/{id}': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: GONE, manager: GONE, owner: GONE, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND },
    call: async ({ env, world }) => ({ params: { id: await sanction(env, world, (await newMember(env, world)).id, 'mute') } }),
  },
  // Lifting follows imposing's rank rules: a moderator cannot mute a fellow moderator, so cannot lift it either.
  'DELETE /api/sanctions/{id} #on a moderator': {
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NOT_FOUND,
      otherModerator: NOT_FOUND,
      otherManager: NOT_FOUND,
      member: NOT_FOUND,
      moderator: FORBIDDEN, // issue 9 finding 4
      manager: GONE,
      owner: GONE,
      banned: NOT_FOUND,
      muted: NOT_FOUND,
      suspended: NOT_FOUND,
    },
    call: async ({ env, world }) => ({ params: { id: await sanction(env, world, (await newMember(env, world, 'moderator')).id, 'mute') } }),
  },
  // Nobody lifts their own sanction. Non-members have none here and nobody can sanction the owner.
  'DELETE /api/sanctions/{id} #own': {
    fresh: true,
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NA,
      otherModerator: NA,
      otherManager: NA,
      member: NOT_FOUND,
      moderator: FORBIDDEN, // issue 9 finding 4
      manager: FORBIDDEN, // issue 9 finding 4
      owner: NA,
      banned: NOT_FOUND,
      muted: NOT_FOUND,
      suspended: NOT_FOUND,
    },
    call: async ({ env, world, caller }) => {
      const { user } = caller;
      if (!user) return { params: { id: await sanction(env, world, (await newMember(env, world)).id, 'mute') } };
      if (caller.sanctionId) return { params: { id: caller.sanctionId } };
      // A staff caller's own sanction comes from the owner, who outranks them: only the "own" rule stops the lift.
      const { role } = await env.db.membership.findFirstOrThrow({ where: { userId: user.id, communityId: world.community.id }, select: { role: true } });
      return { params: { id: await sanction(env, world, user.id, role === 'manager' ? 'suspend' : role === 'moderator' ? 'mute' : 'warn') } };
    },
  },

  // ---- posts ----
  'GET /api/communities/{slug}/posts': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_MEMBER, otherModerator: NOT_MEMBER, otherManager: NOT_MEMBER, member: OK, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: OK, suspended: OK },
    call: async (ctx) => slug(ctx),
  },
  'POST /api/communities/{slug}/posts': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_MEMBER, otherModerator: NOT_MEMBER, otherManager: NOT_MEMBER, member: CREATED, moderator: CREATED, manager: CREATED, owner: CREATED, banned: BANNED, muted: MUTED, suspended: SUSPENDED },
    call: async (ctx) => ({ ...slug(ctx), body: { body: `Selamat pagi, ini catatan ${unique()}.` } }),
  },
  // Posts are for members: to anyone else a post id is something they may not know exists.
  'GET /api/posts/{id}': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: OK, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: OK, suspended: OK },
    call: async ({ env, world }) => ({ params: { id: (await shared(env, world)).postId } }),
  },
  'GET /api/posts/{id} #held': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND },
    call: async ({ env, world }) => ({ params: { id: (await shared(env, world)).held.postId } }),
  },
  // Someone else's published post: members see it, so "not yours" is 403, not 404.
  'PATCH /api/posts/{id}': {
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NOT_FOUND,
      otherModerator: NOT_FOUND,
      otherManager: NOT_FOUND,
      member: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      moderator: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      manager: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      owner: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      banned: NOT_FOUND,
      muted: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      suspended: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
    },
    call: async ({ env, world }) => ({ params: { id: await publishedPost(env, world) }, body: { body: `Diubah oleh orang lain ${unique()}` } }),
  },
  'PATCH /api/posts/{id} #own': {
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NA,
      otherModerator: NA,
      otherManager: NA,
      member: OK,
      moderator: OK,
      manager: OK,
      owner: OK,
      banned: NOT_FOUND, // issue 9 finding 10
      muted: MUTED,
      suspended: SUSPENDED,
    },
    call: async ({ env, world, caller }) => ({
      params: { id: caller.own?.publishedId ?? (await shared(env, world)).postId },
      body: { body: `Saya ubah sendiri ${unique()}` },
    }),
  },
  // The author deletes, a moderator removes; any other member sees the post and may not: 403.
  'DELETE /api/posts/{id}': {
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NOT_FOUND,
      otherModerator: NOT_FOUND,
      otherManager: NOT_FOUND,
      member: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      moderator: GONE,
      manager: GONE,
      owner: GONE,
      banned: NOT_FOUND,
      muted: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
      suspended: FORBIDDEN, // seen but not theirs: 403 (was 404, found by this matrix)
    },
    call: async ({ env, world }) => ({ params: { id: await publishedPost(env, world) } }),
  },
  'POST /api/posts/{id}/reactions': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: CREATED, moderator: CREATED, manager: CREATED, owner: CREATED, banned: NOT_FOUND, muted: CREATED, suspended: SUSPENDED },
    call: async ({ env, world }) => ({ params: { id: (await shared(env, world)).postId }, body: { kind: 'like' } }),
  },
  'DELETE /api/posts/{id}/reactions': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: GONE, moderator: GONE, manager: GONE, owner: GONE, banned: NOT_FOUND, muted: GONE, suspended: SUSPENDED },
    call: async ({ env, world }) => ({ params: { id: (await shared(env, world)).postId }, query: { kind: 'love' } }),
  },
  'POST /api/posts/{id}/reports': {
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NOT_FOUND,
      otherModerator: NOT_FOUND,
      otherManager: NOT_FOUND,
      member: CREATED,
      moderator: CREATED,
      manager: CREATED,
      owner: CREATED,
      banned: NOT_FOUND, // issue 9 finding 10
      muted: CREATED,
      suspended: SUSPENDED,
    },
    // A post per caller: three reports hide a post, which would change what later rows see.
    call: async ({ env, world }) => ({ params: { id: await publishedPost(env, world) }, body: { reason: 'spam' } }),
  },

  // ---- moderation ----
  'GET /api/communities/{slug}/moderation/queue': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => slug(ctx),
  },
  // The community's own jobs (posts waiting for their check, scheduled posts), for its staff: issue 9 finding 1.
  'GET /api/communities/{slug}/moderation/jobs': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => slug(ctx),
  },
  // Queue items are for the community's moderators only: anyone else may not know one exists (404).
  'GET /api/moderation/items/{id}': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND },
    call: async ({ env, world }) => ({ params: { id: (await shared(env, world)).held.itemId } }),
  },
  'POST /api/moderation/items/{id}/claim': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND },
    call: async ({ env, world }) => ({ params: { id: (await heldItem(env, world)).itemId } }),
  },
  'POST /api/moderation/items/{id}/decision': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND },
    call: async ({ env, world }) => {
      const held = await heldItem(env, world);
      return { params: { id: held.itemId }, body: { action: 'approve', version: held.version } };
    },
  },
  // Staff do not decide items on their own posts.
  'POST /api/moderation/items/{id}/decision #own post': {
    expect: {
      anonymous: UNAUTHENTICATED,
      nonMember: NA,
      otherModerator: NA,
      otherManager: NA,
      member: NOT_FOUND,
      moderator: OWN_POST, // issue 9 finding 8
      manager: OWN_POST, // issue 9 finding 8
      owner: OWN_POST, // issue 9 finding 8
      banned: NOT_FOUND,
      muted: NOT_FOUND,
      suspended: NOT_FOUND,
    },
    call: async ({ env, world, caller }) => {
      const held = caller.own?.held ?? (await shared(env, world)).held;
      const { version } = await env.db.moderationItem.findUniqueOrThrow({ where: { id: held.itemId }, select: { version: true } });
      return { params: { id: held.itemId }, body: { action: 'approve', version } };
    },
  },
  'GET /api/communities/{slug}/word-rules': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => slug(ctx),
  },
  'POST /api/communities/{slug}/word-rules': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: CREATED, owner: CREATED, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => ({ ...slug(ctx), body: { pattern: `zzbaru${unique()}`, match: 'word', action: 'flag' } }),
  },
  'POST /api/communities/{slug}/word-rules/preview': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => ({ ...slug(ctx), body: { pattern: `zzcoba${unique()}`, match: 'word', action: 'hold' } }),
  },
  // Moderators read rule ids in the audit log, so a rule is no secret to them (403); to members it is (404).
  'DELETE /api/word-rules/{id}': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: FORBIDDEN, manager: GONE, owner: GONE, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND },
    call: async ({ env, world }) => ({ params: { id: await wordRule(env, world) } }),
  },
  'POST /api/communities/{slug}/moderation/check': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => ({ ...slug(ctx), body: { body: 'Apakah teks ini aman?' } }),
  },
  'GET /api/communities/{slug}/moderation/log': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => slug(ctx),
  },

  // ---- operations (outside /api, listed by hand in the test) ----
  // For instance administrators only; whether others get 403 or 404 is the fix's choice.
  'GET /admin/queues': {
    expect: {
      anonymous: `${UNAUTHENTICATED} | ${NOT_FOUND}`,
      nonMember: `${FORBIDDEN} | ${NOT_FOUND}`,
      otherModerator: `${FORBIDDEN} | ${NOT_FOUND}`,
      otherManager: `${FORBIDDEN} | ${NOT_FOUND}`, // issue 9 finding 1
      member: `${FORBIDDEN} | ${NOT_FOUND}`,
      moderator: `${FORBIDDEN} | ${NOT_FOUND}`,
      manager: `${FORBIDDEN} | ${NOT_FOUND}`, // issue 9 finding 1
      owner: `${FORBIDDEN} | ${NOT_FOUND}`, // issue 9 finding 1
      banned: `${FORBIDDEN} | ${NOT_FOUND}`,
      muted: `${FORBIDDEN} | ${NOT_FOUND}`,
      suspended: `${FORBIDDEN} | ${NOT_FOUND}`,
      admin: OK,
    },
    call: async () => ({}),
  },
  // Open to loopback (the test calls from 127.0.0.1) even once a token or an ops port protects it: issue 9 finding 13.
  'GET /metrics': { expect: everyone(OK), call: async () => ({}) },
  'GET /healthz': { expect: everyone(OK), call: async () => ({}) },
  'GET /readyz': { expect: everyone(OK), call: async () => ({}) },
  ...EVENT_ROWS,
  ...RSVP_ROWS,
  ...CALENDAR_ROWS,
  ...SURVEY_ROWS,
  ...RESPONSE_ROWS,
  ...RESULT_ROWS,
  ...FEEDBACK_ROWS,
  ...SCHEDULE_ROWS,
  ...MAIL_ROWS,
};

/** The expected answer of one cell; an instance administrator is a non-member of the community unless said. */
export function cellFor(row: Row, kind: CallerKind): Cell {
  if (kind === 'admin') return row.expect.admin === undefined ? row.expect.nonMember : row.expect.admin;
  return row.expect[kind];
}
