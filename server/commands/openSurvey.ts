// A manager opens a draft: one conditional write from draft to open, its audit entry, and its closing job.
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { planSurveyClose } from './closeSurvey';
import { surveyAuditFields } from './createSurvey';
import type { Outcome } from './outcome';
import { recordAudit } from './recordAudit';

/** Opens the draft `surveyId`: 409 survey_locked without questions, 422 when its closesAt has passed; opening an open survey again changes nothing. */
export async function openSurvey(deps: { db: Db; now: Date }, input: { actor: Actor; surveyId: string }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'survey.manage');
  const opened = await inWriteTransaction(deps.db, async (tx) => {
    const survey = await tx.survey.findUniqueOrThrow({ where: { id: input.surveyId }, include: { _count: { select: { questions: true } } } });
    if (survey.state === 'open') return null;
    if (survey.state === 'closed') fail('survey_closed');
    if (survey._count.questions === 0) fail('validation_failed', { details: [{ path: 'questions', message: 'a survey needs at least one question / survei perlu setidaknya satu pertanyaan' }] });
    if (survey.closesAt && survey.closesAt.getTime() <= deps.now.getTime()) fail('validation_failed', { details: [{ path: 'closesAt', message: 'closesAt has passed / waktu tutup sudah lewat' }] });
    const written = await tx.survey.updateMany({ where: { id: survey.id, state: 'draft', version: survey.version }, data: { state: 'open', openedAt: deps.now, updatedAt: deps.now, version: { increment: 1 } } });
    if (written.count === 0) fail('version_conflict');
    const after = await tx.survey.findUniqueOrThrow({ where: { id: survey.id } });
    await recordAudit(tx, { communityId: survey.communityId, actorId: input.actor.userId, action: 'survey.open', targetType: 'survey', targetId: survey.id, before: surveyAuditFields(survey), after: surveyAuditFields(after), now: deps.now });
    return after;
  });
  return { value: { id: input.surveyId }, events: [], jobs: opened ? planSurveyClose(opened, deps.now) : [] };
}
