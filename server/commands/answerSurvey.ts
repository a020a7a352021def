// A member answers a survey (the portable Prisma version; the route runs answerSurveyOnLane.ts on SQLite, see
// bench/README.md "Surveys"). One response per member is the UNIQUE KEY (surveyId, respondentKey): the insert is
// tried and its unique violation becomes 409 already_responded, never a check before the insert. The response, its
// answer rows and the responseCount increment (conditional on the survey still being open) are one transaction.
import { randomUUID } from 'node:crypto';
import type { SurveyResponseReceipt } from '../contracts/surveys';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { fail } from '../errors';
import { newId } from '../lib/ids';
import type { AnswerRow } from '../lib/surveyAnswers';
import { respondentKey, utcDay } from '../lib/surveyPseudonym';
import type { Actor } from '../policies/actor';
import { authorize } from '../policies/community';
import type { Outcome } from './outcome';

/** The survey fields answering needs. */
export interface AnswerableSurvey {
  id: string;
  communityId: string;
  anonymous: boolean;
  state: string;
  closesAt: Date | null;
}

/** 409 for a survey that takes no answers: a draft (survey_not_open), closed or past its closesAt (survey_closed). */
export function assertAnswerable(survey: Pick<AnswerableSurvey, 'state' | 'closesAt'>, now: Date): void {
  if (survey.state === 'draft') fail('survey_not_open');
  if (survey.state !== 'open' || (survey.closesAt && survey.closesAt.getTime() <= now.getTime())) fail('survey_closed');
}

/**
 * How a response is stored. Named: the user id as key and column, a time-ordered id, the exact time. Anonymous: the
 * pseudonym as key, no user id, random ids (a UUIDv7 would carry the time) and only the UTC day.
 */
export function responseIdentity(serverKey: Buffer, input: { survey: AnswerableSurvey; userId: string; now: Date }) {
  const { survey, userId, now } = input;
  if (!survey.anonymous) return { id: newId(), userId, respondentKey: userId, submittedAt: now, answerId: newId };
  return { id: randomUUID(), userId: null, respondentKey: respondentKey(serverKey, { surveyId: survey.id, userId, anonymous: true }), submittedAt: utcDay(now), answerId: randomUUID };
}

export interface AnswerInput {
  actor: Actor;
  survey: AnswerableSurvey;
  /** The answer rows checkAnswers made of the body (server/lib/surveyAnswers.ts). */
  rows: AnswerRow[];
}

/**
 * Whether a response counts as from staff (moderator, manager, owner): those read or can be told the results and know
 * their own answers, so the anonymity threshold does not count them. Only this flag is stored, never who.
 */
export function isStaffRole(role: string | null | undefined): boolean {
  return role === 'moderator' || role === 'manager' || role === 'owner';
}

/** Stores the actor's response; returns its receipt and `survey:response` for the managers. */
export async function answerSurvey(deps: { db: Db; now: Date; serverKey: Buffer }, input: AnswerInput): Promise<Outcome<{ response: SurveyResponseReceipt }>> {
  authorize(input.actor, 'survey.answer');
  const { survey } = input;
  assertAnswerable(survey, deps.now);
  const identity = responseIdentity(deps.serverKey, { survey, userId: input.actor.userId, now: deps.now });
  const fromStaff = isStaffRole(input.actor.role);
  try {
    await deps.db.$transaction(
      async (tx) => {
        // The write comes first: it takes SQLite's write lock, and on PostgreSQL it locks the survey row against a close.
        const counted = await tx.survey.updateMany({ where: { id: survey.id, state: 'open', OR: [{ closesAt: null }, { closesAt: { gt: deps.now } }] }, data: { responseCount: { increment: 1 }, memberResponseCount: { increment: fromStaff ? 0 : 1 } } });
        if (counted.count === 0) fail('survey_closed');
        await tx.surveyResponse.create({ data: { id: identity.id, surveyId: survey.id, userId: identity.userId, respondentKey: identity.respondentKey, submittedAt: identity.submittedAt, fromStaff } });
        if (input.rows.length) await tx.surveyAnswer.createMany({ data: input.rows.map((row) => ({ ...row, id: identity.answerId(), responseId: identity.id, surveyId: survey.id })) });
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
  } catch (err) {
    // The only unique key an insert here can meet: the ids are random or time-ordered and never collide.
    if (isUniqueViolation(err)) fail('already_responded');
    throw err;
  }
  return {
    value: { response: { id: identity.id, surveyId: survey.id, submittedAt: identity.submittedAt.toISOString() } },
    events: [{ type: 'survey:response', communityId: survey.communityId, surveyId: survey.id }],
    jobs: [],
  };
}
