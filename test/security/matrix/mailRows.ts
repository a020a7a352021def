// Matrix rows of the e-mail work (issue 12): the preferences are the caller's own (a community they do not belong to
// is one they may not know exists: 404; a banned member has no e-mail from it to switch); the unsubscribe routes take
// no session: the token decides, whoever asks.
import { randomBytes } from 'node:crypto';
import { mailTokenKey, signUnsubscribeToken } from '../../../server/mail/unsubscribeToken';
import { NOT_FOUND, OK, UNAUTHENTICATED, everyone, signedIn, type Row } from './cells';
import { newMember, type Env, type World } from './world';

/** A valid unsubscribe token of a new member of the world: e-mailed links are the only way to get one. */
async function someonesToken(env: Env, world: World): Promise<string> {
  const member = await newMember(env, world);
  return signUnsubscribeToken(mailTokenKey(env.config), { userId: member.id, communityId: world.community.id, kind: 'events' });
}

export const MAIL_ROWS: Record<string, Row> = {
  'GET /api/me/email-preferences': { expect: signedIn(OK), call: async () => ({}) },
  'PUT /api/me/email-preferences': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: OK, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: OK, suspended: OK },
    call: async ({ world }) => ({ body: { preferences: [{ slug: world.community.slug, digest: true }] } }),
  },
  'GET /api/unsubscribe/{token}': { expect: everyone(OK), call: async ({ env, world }) => ({ params: { token: await someonesToken(env, world) } }) },
  'POST /api/unsubscribe/{token}': { expect: everyone(OK), call: async ({ env, world }) => ({ params: { token: await someonesToken(env, world) } }) },
  'GET /api/unsubscribe/{token} #unknown token': { expect: everyone(NOT_FOUND), call: async () => ({ params: { token: `${randomBytes(40).toString('base64url')}.${randomBytes(32).toString('base64url')}` } }) },
  'POST /api/unsubscribe/{token} #unknown token': { expect: everyone(NOT_FOUND), call: async () => ({ params: { token: `${randomBytes(40).toString('base64url')}.${randomBytes(32).toString('base64url')}` } }) },
};
