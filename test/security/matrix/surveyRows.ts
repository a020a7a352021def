// Matrix rows of the surveys and feedback work (issue 11), survey part (create, edit, open, close, list, read): one per
// route, as the contract says. Members read open and closed surveys; only managers and owners create, edit, open and
// close them. A survey id is something a non-member or a banned user may not know exists (404, as events), and so is
// a draft to anyone but managers: opening a draft answers 404 to members and moderators.
import { insertSurvey } from '../../helpers/surveyRows';
import { UNAUTHENTICATED, OK, CREATED, FORBIDDEN, NOT_MEMBER, BANNED, NOT_FOUND, slug, type CellContext, type Row } from './cells';

/** A fresh survey of the world (written directly), so a call that edits, opens or closes it changes no other row. */
async function freshSurvey({ env, world }: CellContext, state: 'draft' | 'open' = 'open'): Promise<string> {
  const survey = await insertSurvey(env.db, { communitySlug: world.community.slug, createdById: world.owner.id, title: 'Survei matriks', state });
  return survey.id;
}

/** Readers: every member, whatever their sanctions. */
const READ_BY_ID: Row['expect'] = { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: OK, moderator: OK, manager: OK, owner: OK, banned: NOT_FOUND, muted: OK, suspended: OK };
/** Writers on an open survey: managers and owners; members who may see it get 403, others 404. */
const WRITE_BY_ID: Row['expect'] = { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: NOT_FOUND, muted: FORBIDDEN, suspended: FORBIDDEN };
/** Writers on a draft: managers and owners; to everyone else the draft does not exist. */
const WRITE_DRAFT: Row['expect'] = { ...WRITE_BY_ID, member: NOT_FOUND, moderator: NOT_FOUND, muted: NOT_FOUND, suspended: NOT_FOUND };

export const SURVEY_ROWS: Record<string, Row> = {
  'GET /api/communities/{slug}/surveys': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_MEMBER, otherModerator: NOT_MEMBER, otherManager: NOT_MEMBER, member: OK, moderator: OK, manager: OK, owner: OK, banned: BANNED, muted: OK, suspended: OK },
    call: async (ctx) => slug(ctx),
  },
  'POST /api/communities/{slug}/surveys': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: FORBIDDEN, otherModerator: FORBIDDEN, otherManager: FORBIDDEN, member: FORBIDDEN, moderator: FORBIDDEN, manager: CREATED, owner: CREATED, banned: BANNED, muted: FORBIDDEN, suspended: FORBIDDEN },
    call: async (ctx) => ({ ...slug(ctx), body: { title: 'Survei matriks', anonymous: true, questions: [{ kind: 'nps', prompt: 'Rekomendasi?', required: true }] } }),
  },
  'GET /api/surveys/{id}': { expect: READ_BY_ID, call: async (ctx) => ({ params: { id: await freshSurvey(ctx) } }) },
  'PATCH /api/surveys/{id}': {
    expect: WRITE_BY_ID,
    call: async (ctx) => ({ params: { id: await freshSurvey(ctx) }, body: { title: 'Survei matriks (diubah)', version: 0 } }),
  },
  'POST /api/surveys/{id}/open': { expect: WRITE_DRAFT, call: async (ctx) => ({ params: { id: await freshSurvey(ctx, 'draft') } }) },
  'POST /api/surveys/{id}/close': { expect: WRITE_BY_ID, call: async (ctx) => ({ params: { id: await freshSurvey(ctx) } }) },
};
