// Survey responses written straight to the database, for suites that test results and exports without going through
// the answering route (its own suite covers that). Rows are as the schema describes them: on a named survey the
// respondent key is the user id; on an anonymous one user id is null, the response id random and the key an opaque
// string, and submittedAt is cut to the start of its UTC day.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/client';

export type AnswerValue = number | number[] | string;

export interface ResponseRowInput {
  /** The respondent (required on named surveys; on anonymous ones it only feeds nothing: no row holds it). */
  userId?: string | null;
  /** questionId -> value: an option index (single), indexes (multi), a number (rating, nps) or a text. */
  answers: Record<string, AnswerValue>;
  submittedAt?: Date;
}

interface SurveyOf {
  id: string;
  anonymous: boolean;
  questions: { id: string; kind: string }[];
}

interface AnswerRow {
  responseId: string;
  surveyId: string;
  questionId: string;
  optionIndex?: number;
  numberValue?: number;
  textValue?: string;
}

function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The answer rows of one response. */
function answerRows(survey: SurveyOf, responseId: string, answers: Record<string, AnswerValue>): AnswerRow[] {
  const kindOf = new Map(survey.questions.map((q) => [q.id, q.kind]));
  return Object.entries(answers).flatMap(([questionId, value]): AnswerRow[] => {
    const base = { responseId, surveyId: survey.id, questionId };
    const kind = kindOf.get(questionId);
    if (kind === 'multi') return (value as number[]).map((optionIndex) => ({ ...base, optionIndex }));
    if (kind === 'single') return [{ ...base, optionIndex: value as number }];
    if (kind === 'rating' || kind === 'nps') return [{ ...base, numberValue: value as number }];
    return [{ ...base, textValue: String(value) }];
  });
}

/** Inserts the responses with their answers and raises the survey's response counter, in one transaction. */
export async function insertResponses(db: Db, survey: SurveyOf, responses: ResponseRowInput[]): Promise<string[]> {
  const now = new Date();
  const rows = responses.map((r, i) => {
    const id = randomUUID();
    // Distinct instants in input order on named surveys, so "newest first" is the input reversed.
    const at = r.submittedAt ?? new Date(now.getTime() - (responses.length - i) * 1000);
    return {
      response: {
        id,
        surveyId: survey.id,
        userId: survey.anonymous ? null : (r.userId ?? null),
        respondentKey: survey.anonymous || !r.userId ? randomBytes(16).toString('base64url') : r.userId,
        submittedAt: survey.anonymous ? startOfUtcDay(at) : at,
      },
      answers: answerRows(survey, id, r.answers),
    };
  });
  await db.$transaction(async (tx) => {
    await tx.surveyResponse.createMany({ data: rows.map((r) => r.response) });
    await tx.surveyAnswer.createMany({ data: rows.flatMap((r) => r.answers) });
    await tx.survey.update({ where: { id: survey.id }, data: { responseCount: { increment: rows.length }, memberResponseCount: { increment: rows.length } } });
  });
  return rows.map((r) => r.response.id);
}
