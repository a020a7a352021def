// A manager creates a survey: a draft with its questions and its audit entry, in one transaction. Nothing is
// announced or planned yet: members see a survey once it opens (openSurvey.ts plans its closing job).
import type { Locale } from '../contracts/api';
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

/** Sentences of the 422s the survey commands raise (the schemas' own come from zod), in both languages. */
export const SURVEY_PROBLEMS = {
  unknown_event: { en: 'This community has no such event.', id: 'Komunitas ini tidak memiliki acara tersebut.' },
  no_questions: { en: 'A survey needs at least one question.', id: 'Survei perlu setidaknya satu pertanyaan.' },
  closes_at_passed: { en: 'The closing time has already passed.', id: 'Waktu penutupan sudah lewat.' },
} as const;

/** A 422 with one detail, in the reader's language. */
export function surveyProblem(input: { path: string; reason: keyof typeof SURVEY_PROBLEMS; locale: Locale }): never {
  return fail('validation_failed', { details: [{ path: input.path, message: SURVEY_PROBLEMS[input.reason][input.locale], reason: input.reason }] });
}

/** 422 unless the audience's event belongs to the same community. */
export async function assertAudienceEvent(tx: Pick<Tx, 'event'>, input: { communityId: string; audience: SurveyAudienceInput; locale: Locale }): Promise<void> {
  if (input.audience.kind !== 'event') return;
  const event = await tx.event.findUnique({ where: { id: input.audience.eventId }, select: { communityId: true } });
  if (event?.communityId !== input.communityId) surveyProblem({ path: 'body.audience.eventId', reason: 'unknown_event', locale: input.locale });
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
export async function createSurvey(deps: { db: Db; now: Date }, input: { actor: Actor; communityId: string; survey: NewSurvey; locale: Locale }): Promise<Outcome<{ id: string }>> {
  authorize(input.actor, 'survey.manage');
  const { survey } = input;
  const id = await inWriteTransaction(deps.db, async (tx) => {
    await assertAudienceEvent(tx, { communityId: input.communityId, audience: survey.audience, locale: input.locale });
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
