// Closing a survey: one conditional write (`updateMany where state = open`), so a manager's close, the closing job
// and a second job can all run at once and exactly one of them closes it; the others find it closed and change
// nothing. The job passes the closesAt it was planned for: a job whose survey has moved its closesAt since is stale.
import type { Db } from '../db/client';
import { inWriteTransaction } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import { surveyAuditFields } from './createSurvey';
import type { JobRequest, Outcome } from './outcome';
import { quiet } from './outcome';
import { recordAudit } from './recordAudit';

export type CloseResult = 'closed' | 'already_closed' | 'stale' | 'not_due' | 'not_open' | 'missing';

/** The closing job of an open survey with a closesAt (none otherwise); due ones run at once. */
export function planSurveyClose(survey: { id: string; state: string; closesAt: Date | null }, now: Date): JobRequest[] {
  if (survey.state !== 'open' || !survey.closesAt) return [];
  return [{ queue: 'surveys', name: 'close', data: { surveyId: survey.id, closesAt: survey.closesAt.toISOString() }, delayMs: Math.max(0, survey.closesAt.getTime() - now.getTime()) }];
}

/**
 * Closes the survey if it is open (and, when `dueAt` is given, still due at that closesAt and `now` has reached it).
 * `actor` null: the closing job (audit entry without an actor). Returns what happened; never throws for a survey
 * that is already closed.
 */
export async function closeSurvey(deps: { db: Db; now: Date }, input: { surveyId: string; actor: Actor | null; dueAt?: Date | undefined }): Promise<Outcome<CloseResult>> {
  if (input.actor) authorize(input.actor, 'survey.manage');
  const { dueAt } = input;
  if (dueAt && dueAt.getTime() > deps.now.getTime()) return quiet('not_due');
  const result = await inWriteTransaction(deps.db, async (tx): Promise<CloseResult> => {
    const written = await tx.survey.updateMany({
      where: { id: input.surveyId, state: 'open', ...(dueAt ? { closesAt: dueAt } : {}) },
      data: { state: 'closed', closedAt: deps.now, updatedAt: deps.now, version: { increment: 1 } },
    });
    const survey = await tx.survey.findUnique({ where: { id: input.surveyId } });
    if (!survey) return 'missing';
    if (written.count === 0) {
      if (survey.state === 'closed') return 'already_closed';
      return survey.state === 'open' ? 'stale' : 'not_open';
    }
    await recordAudit(tx, { communityId: survey.communityId, actorId: input.actor?.userId ?? null, action: dueAt ? 'survey.close_due' : 'survey.close', targetType: 'survey', targetId: survey.id, after: surveyAuditFields(survey), now: deps.now });
    return 'closed';
  });
  if (input.actor && result === 'not_open') fail('survey_not_open');
  return quiet(result);
}
