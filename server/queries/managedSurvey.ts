// The one way the results routes load a survey by id: the survey with its questions in order, for a manager of its
// community. 404 before any other check for callers who may not know it exists (non-members, banned users, and
// members for a draft); 403 for members who can see it but may not read its results.
import type { Deps } from '../deps';
import { fail } from '../errors';
import { authorize } from '../policies/community';
import { atLeast } from '../policies/roles';
import { loadActor } from './actor';

/** The survey and its questions when `userId` manages its community; the contract's 404 or 403 otherwise. */
export async function loadManagedSurvey(deps: Pick<Deps, 'db' | 'sql' | 'now'>, input: { userId: string; surveyId: string }) {
  const survey = await deps.db.survey.findUnique({
    where: { id: input.surveyId },
    include: { questions: { orderBy: { position: 'asc' } }, community: { select: { slug: true } } },
  });
  if (!survey) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: survey.communityId, userId: input.userId, now: deps.now() });
  if (actor.banned || actor.role === null) fail('not_found');
  // Drafts are the managers' own: a member is not told one exists.
  if (survey.state === 'draft' && !atLeast(actor.role, 'manager')) fail('not_found');
  authorize(actor, 'survey.manage');
  return { survey, actor };
}
