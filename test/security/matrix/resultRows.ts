// Matrix rows of the surveys and feedback work (issue 11), result part (results, CSV): one per route, as the contract says.
// Results are the managers' (survey.manage): members, moderators and sanctioned members who can see the survey get
// 403; whoever may not know the survey exists (non-members, other communities' staff, banned users) gets 404.
import { insertSurvey } from '../../helpers/surveyRows';
import { UNAUTHENTICATED, OK, FORBIDDEN, NOT_FOUND, type CellContext, type Row } from './cells';

/** One open survey of the five kinds per world, shared by the read-only rows below. */
const surveys = new WeakMap<object, Promise<{ id: string; textQuestionId: string }>>();
function sharedSurvey({ env, world }: CellContext) {
  let found = surveys.get(world);
  if (!found) {
    found = insertSurvey(env.db, { communitySlug: world.community.slug, createdById: world.owner.id, title: 'Survei matriks' }).then((survey) => ({
      id: survey.id,
      textQuestionId: survey.questions.find((q) => q.kind === 'text')?.id ?? '',
    }));
    surveys.set(world, found);
  }
  return found;
}

const MANAGERS_ONLY: Row['expect'] = { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: FORBIDDEN, moderator: FORBIDDEN, manager: OK, owner: OK, banned: NOT_FOUND, muted: FORBIDDEN, suspended: FORBIDDEN };

export const RESULT_ROWS: Record<string, Row> = {
  'GET /api/surveys/{id}/results': { expect: MANAGERS_ONLY, call: async (ctx) => ({ params: { id: (await sharedSurvey(ctx)).id } }) },
  'GET /api/surveys/{id}/results/questions/{questionId}/texts': {
    expect: MANAGERS_ONLY,
    call: async (ctx) => {
      const survey = await sharedSurvey(ctx);
      return { params: { id: survey.id, questionId: survey.textQuestionId } };
    },
  },
  'GET /api/surveys/{id}/results.csv': { expect: MANAGERS_ONLY, call: async (ctx) => ({ params: { id: (await sharedSurvey(ctx)).id } }) },
};
