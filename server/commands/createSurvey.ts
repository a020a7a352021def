// A manager creates a survey: a draft with its questions and its audit entry, in one transaction. Nothing is
// announced or planned yet: members see a survey once it opens (openSurvey.ts plans its closing job).
import type { Db } from '../db/client';
import { inWriteTransaction, type Tx } from '../db/transaction';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { QuestionInput } from '../routes/surveys/surveySchemas';
import { quiet, type Outcome } from './outcome';
import { recordAudit } from './recordAudit';

export type SurveyAudienceInput = { kind: 'all' } | { kind: 'event'; eventId: string };

export interface NewSurvey {
  title: string;
  description: string;
  anonymous: boolean;
  closesAt?: Date | null | undefined;
  audience: SurveyAudienceInput;
  questions: QuestionInput[];
}

/** The question rows of a survey, positions 0..n-1 (a text question's maxLength goes in `max`). */
export function questionRows(surveyId: string, questions: readonly QuestionInput[], firstPosition = 0) {
  return questions.map((q, i) => ({ surveyId, position: firstPosition + i, kind: q.kind, prompt: q.prompt, options: JSON.stringify(q.options), required: q.required, min: q.min, max: q.max }));
}

/** 422 unless the audience's event belongs to the same community. */
export async function assertAudienceEvent(tx: Pick<Tx, 'event'>, input: { communityId: string; audience: SurveyAudienceInput }): Promise<void> {
  if (input.audience.kind !== 'event') return;
  const event = await tx.event.findUnique({ where: { id: input.audience.eventId }, select: { communityId: true } });
  if (event?.communityId !== input.communityId) {
    fail('validation_failed', { details: [{ path: 'body.audience.eventId', message: 'no such event in this community / tidak ada acara itu di komunitas ini' }] });
  }
}

/** What the audit log keeps of a survey (before and after a change): never a response. */
export function surveyAuditFields(survey: { title: string; anonymous: boolean; state: string; closesAt: Date | null; audience: string; audienceEventId: string | null; version: number }, questionCount?: number) {
  return {
    title: survey.title,
    anonymous: survey.anonymous,
    state: survey.state,
    closesAt: survey.closesAt?.toISOString() ?? null,
    audience: survey.audience === 'event' ? { kind: 'event', eventId: survey.audienceEventId } : { kind: 'all' },
    version: survey.version,
    ...(questionCount !== undefined ? { questions: questionCount } : {}),
  };
}

/** Creates a draft survey in the actor's community; returns its id. */
export async function createSurvey(deps: { db: Db; now: Date }, input: { actor: Actor; communityId: string; survey: NewSurvey }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'survey.manage');
  const { survey } = input;
  const id = await inWriteTransaction(deps.db, async (tx) => {
    await assertAudienceEvent(tx, { communityId: input.communityId, audience: survey.audience });
    const created = await tx.survey.create({
      data: {
        communityId: input.communityId,
        createdById: input.actor.userId,
        title: survey.title,
        description: survey.description,
        anonymous: survey.anonymous,
        closesAt: survey.closesAt ?? null,
        audience: survey.audience.kind,
        audienceEventId: survey.audience.kind === 'event' ? survey.audience.eventId : null,
        createdAt: deps.now,
        updatedAt: deps.now,
      },
    });
    await tx.surveyQuestion.createMany({ data: questionRows(created.id, survey.questions) });
    await recordAudit(tx, { communityId: input.communityId, actorId: input.actor.userId, action: 'survey.create', targetType: 'survey', targetId: created.id, after: surveyAuditFields(created, survey.questions.length), now: deps.now });
    return created.id;
  });
  return quiet({ id });
}
