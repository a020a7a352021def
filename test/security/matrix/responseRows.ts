// Matrix rows of the surveys and feedback work (issue 11), response part: one per route, as the contract says. Every
// member answers, muted ones too (a mute only stops posting); a suspended member is refused; whoever may not see the
// survey (non-members, staff of other communities, the banned) gets 404 before any other check.
import { insertSurvey } from '../../helpers/surveyRows';
import { UNAUTHENTICATED, CREATED, NOT_FOUND, SUSPENDED, type Row } from './cells';

export const RESPONSE_ROWS: Record<string, Row> = {
  'POST /api/surveys/{id}/responses': {
    expect: { anonymous: UNAUTHENTICATED, nonMember: NOT_FOUND, otherModerator: NOT_FOUND, otherManager: NOT_FOUND, member: CREATED, moderator: CREATED, manager: CREATED, owner: CREATED, banned: NOT_FOUND, muted: CREATED, suspended: SUSPENDED },
    // A fresh survey per call: each caller answers once, so no cell meets already_responded.
    call: async ({ env, world }) => {
      const survey = await insertSurvey(env.db, { communitySlug: world.community.slug, createdById: world.owner.id, anonymous: true });
      return { params: { id: survey.id }, body: { answers: [{ questionId: survey.questions[0]?.id, value: 0 }] } };
    },
  },
};
