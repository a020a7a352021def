// Matrix rows of the surveys and feedback work (issue 11), feedback inbox: one per route, as the contract says.
// Any member sends feedback, sanctioned or not (the inbox is where a suspended member asks why); moderators and up
// work the inbox. A feedback id is its author's and the staff's: anyone else may not know it exists (404).
import { insertFeedback } from '../../helpers/feedbackRows';
import { UNAUTHENTICATED, OK, CREATED, FORBIDDEN, NOT_MEMBER, BANNED, NOT_FOUND, signedIn, slug, type CellContext, type Row } from './cells';

/** A fresh feedback item of the world's author, so a call that changes it changes no other row. */
async function othersFeedback({ env, world }: CellContext): Promise<string> {
  const author = await world.author();
  return (await insertFeedback(env.db, { communitySlug: world.community.slug, authorId: author.id })).id;
}

/** The caller's own feedback (written directly: a banned caller can no longer send). */
async function ownFeedback(ctx: CellContext): Promise<string> {
  const { env, world, caller } = ctx;
  if (!caller.user) return othersFeedback(ctx);
  return (await insertFeedback(env.db, { communitySlug: world.community.slug, authorId: caller.user.id, kind: 'problem', body: 'Kenapa saya diskors?' })).id;
}

/** Staff of the community; to everyone else another member's feedback does not exist. */
const STAFF_BY_ID: Row['expect'] = { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: NOT_FOUND, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND };

export const FEEDBACK_ROWS: Record<string, Row> = {
  'POST /api/communities/{slug}/feedback': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_MEMBER, otherModerator: NOT_MEMBER, otherManager: NOT_MEMBER, member: CREATED, moderator: CREATED, manager: CREATED, owner: CREATED, banned: BANNED, muted: CREATED, suspended: CREATED },
    call: async (ctx) => ({ ...slug(ctx), body: { kind: 'question', body: 'Kapan kopdar berikutnya?' } }),
  },
  'GET /api/communities/{slug}/feedback': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => slug(ctx),
  },
  'GET /api/feedback/{id}': { expect: STAFF_BY_ID, call: async (ctx) => ({ params: { id: await othersFeedback(ctx) } }) },
  // The author keeps reading their own conversation with the staff, whatever became of their membership.
  'GET /api/feedback/{id} #own': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: OK, otherModerator: OK, otherManager: OK, member: OK, moderator: OK, manager: OK, owner: OK, banned: OK, muted: OK, suspended: OK },
    call: async (ctx) => ({ params: { id: await ownFeedback(ctx) } }),
  },
  'PATCH /api/feedback/{id}': {
    expect: STAFF_BY_ID,
    call: async (ctx) => ({ params: { id: await othersFeedback(ctx) }, body: { status: 'in_progress', reply: 'Terima kasih, sedang kami cek.' } }),
  },
  // Authors see their feedback, so refusing them its handling is 403, not 404.
  'PATCH /api/feedback/{id} #own': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => ({ params: { id: await ownFeedback(ctx) }, body: { status: 'resolved' } }),
  },
  'GET /api/me/feedback': { expect: signedIn(OK), call: async () => ({}) },
};
