// answerSurvey.ts on the SQL lane (server/db/sqlLane.ts), SQLite only: the same rules as prepared statements inside
// one lane write (its own savepoint), so the counter, the response and its answers commit or roll back together.
// bench:surveys measured the Prisma version short of the 500 responses/s (bench/README.md, "Surveys").
import type { SurveyResponseReceipt } from '../contracts/surveys';
import { sqlDate, type SqlLane } from '../db/sqlLane';
import { fail } from '../errors';
import type { AnswerRow } from '../lib/surveyAnswers';
import { authorize } from '../policies/community';
import { assertAnswerable, isStaffRole, responseIdentity, type AnswerInput } from './answerSurvey';
import type { Outcome } from './outcome';

const ACTIVE_MEMBER = `SELECT role FROM "Membership" WHERE communityId = ? AND userId = ? AND status = 'active'`;
const COUNT = `UPDATE "Survey" SET responseCount = responseCount + 1, memberResponseCount = memberResponseCount + ? WHERE id = ? AND state = 'open' AND (closesAt IS NULL OR closesAt > ?)`;
const RESPONSE = 'INSERT INTO "SurveyResponse" (id, surveyId, userId, respondentKey, submittedAt, fromStaff) VALUES (?, ?, ?, ?, ?, ?)';
const ANSWER = 'INSERT INTO "SurveyAnswer" (id, responseId, surveyId, questionId, optionIndex, numberValue, textValue) VALUES (?, ?, ?, ?, ?, ?, ?)';

function isUniqueOnLane(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Stores the actor's response on the lane; the same contract as answerSurvey. */
export async function answerSurveyOnLane(deps: { sql: SqlLane; now: Date; serverKey: Buffer }, input: AnswerInput): Promise<Outcome<{ response: SurveyResponseReceipt }>> {
  authorize(input.actor, 'survey.answer');
  const { survey } = input;
  assertAnswerable(survey, deps.now);
  const identity = responseIdentity(deps.serverKey, { survey, userId: input.actor.userId, now: deps.now });
  await deps.sql.write((q) => {
    // The actor was read before this write: a member banned or gone since answers nothing. Exact: nothing else runs
    // on the connection inside a lane write.
    const membership = q.get<{ role: string }>(ACTIVE_MEMBER, survey.communityId, input.actor.userId);
    if (!membership) fail('not_found');
    // Staff responses do not count toward the anonymity threshold (answerSurvey.ts); the role as of this write.
    const fromStaff = isStaffRole(membership.role);
    if (q.run(COUNT, fromStaff ? 0 : 1, survey.id, sqlDate(deps.now)) === 0) fail('survey_closed');
    try {
      q.run(RESPONSE, identity.id, survey.id, identity.userId, identity.respondentKey, sqlDate(identity.submittedAt), fromStaff ? 1 : 0);
    } catch (err) {
      // Thrown out of the lane write, so its savepoint rolls the counter back too.
      if (isUniqueOnLane(err)) fail('already_responded');
      throw err;
    }
    for (const row of input.rows as AnswerRow[]) q.run(ANSWER, identity.answerId(), identity.id, survey.id, row.questionId, row.optionIndex, row.numberValue, row.textValue);
  });
  return {
    value: { response: { id: identity.id, surveyId: survey.id, submittedAt: identity.submittedAt.toISOString() } },
    events: [{ type: 'survey:response', communityId: survey.communityId, surveyId: survey.id }],
    jobs: [],
  };
}
