// A manager opens a draft: one conditional write from draft to open, its audit entry, and its closing job.
import type { Locale } from '../contracts/api';
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { planSurveyClose } from './closeSurvey';
import { surveyAuditFields, surveyProblem } from './createSurvey';
import type { Outcome } from './outcome';
import { recordAudit } from './recordAudit';

/** Opens the draft `surveyId`: 422 without questions or when its closesAt has passed; opening an open survey again changes nothing. */
export async function openSurvey(deps: { db: Db; now: Date }, input: { actor: Actor; surveyId: string; locale: Locale }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'survey.manage');
  const opened = await inWriteTransaction(deps.db, async (tx) => {
    const survey = await tx.survey.findUniqueOrThrow({ where: { id: input.surveyId }, include: { _count: { select: { questions: true } } } });
    if (survey.state === 'open') return null;
    if (survey.state === 'closed') fail('survey_closed');
    if (survey._count.questions === 0) surveyProblem({ path: 'questions', reason: 'no_questions', locale: input.locale });
    if (survey.closesAt && survey.closesAt.getTime() <= deps.now.getTime()) surveyProblem({ path: 'closesAt', reason: 'closes_at_passed', locale: input.locale });
    const written = await tx.survey.updateMany({ where: { id: survey.id, state: 'draft', version: survey.version }, data: { state: 'open', openedAt: deps.now, updatedAt: deps.now, version: { increment: 1 } } });
    if (written.count === 0) fail('version_conflict');
    const after = await tx.survey.findUniqueOrThrow({ where: { id: survey.id } });
    await recordAudit(tx, { communityId: survey.communityId, actorId: input.actor.userId, action: 'survey.open', targetType: 'survey', targetId: survey.id, before: surveyAuditFields(survey), after: surveyAuditFields(after), now: deps.now });
    return after;
  });
  return { value: { id: input.surveyId }, events: [], jobs: opened ? planSurveyClose(opened, deps.now) : [] };
}
