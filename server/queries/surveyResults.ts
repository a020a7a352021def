// A survey's results, computed by the database: one GROUP BY (or COUNT) per question on the answers' indexes
// (questionId, optionIndex) and (questionId, numberValue), plus the first page of each text question. No response
// row is ever loaded, so the cost grows with the number of questions and distinct values, not of responses.
import type { SurveyResults } from '../contracts/surveys';
import type { Db } from '../db/client';
import { presentQuestionResult, type QuestionRow, type QuestionTally } from '../presenters/presentQuestionResult';
import { countAudience, rateOf } from './surveyCounts';
import { listTextAnswers } from './surveyTexts';

/**
 * Anonymous surveys show breakdowns only from this many responses of non-staff members on, so no answer can be traced
 * to one person. Staff responses do not count: the staff read the results and know their own answers.
 */
export const ANONYMITY_THRESHOLD = 5;
/** Text answers shown inline in the results; the rest come from the texts route. */
export const INLINE_TEXTS = 20;

export interface ResultsSurvey {
  id: string;
  communityId: string;
  anonymous: boolean;
  responseCount: number;
  memberResponseCount: number;
  audience: string;
  audienceEventId: string | null;
  questions: QuestionRow[];
}

/** Whether the survey's breakdowns are withheld: anonymous and fewer member (non-staff) responses than the threshold. */
export function resultsHidden(survey: Pick<ResultsSurvey, 'anonymous' | 'memberResponseCount'>): boolean {
  return survey.anonymous && survey.memberResponseCount < ANONYMITY_THRESHOLD;
}

/** value -> count of a grouped column. */
async function groupedCounts(db: Db, questionId: string, column: 'optionIndex' | 'numberValue'): Promise<Map<number, number>> {
  const groups = await db.surveyAnswer.groupBy({ by: [column], where: { questionId }, _count: { _all: true } });
  const counts = new Map<number, number>();
  for (const group of groups) {
    const value = group[column];
    if (value !== null) counts.set(value, group._count._all);
  }
  return counts;
}

function sum(counts: Map<number, number>): number {
  let total = 0;
  for (const count of counts.values()) total += count;
  return total;
}

/** Responses that chose at least one option of a multi question (one answer row per chosen option). */
async function distinctResponses(db: Db, questionId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(DISTINCT "responseId") AS n FROM "SurveyAnswer" WHERE "questionId" = ${questionId}`;
  return Number(rows[0]?.n ?? 0);
}

/** The grouped counts, answered count and first text page of one question. */
async function tallyQuestion(db: Db, surveyId: string, question: QuestionRow): Promise<QuestionTally> {
  const none = { items: [], nextCursor: null };
  switch (question.kind) {
    case 'single': {
      const counts = await groupedCounts(db, question.id, 'optionIndex');
      return { question, counts, answered: sum(counts), texts: none };
    }
    case 'multi': {
      const [counts, answered] = await Promise.all([groupedCounts(db, question.id, 'optionIndex'), distinctResponses(db, question.id)]);
      return { question, counts, answered, texts: none };
    }
    case 'rating':
    case 'nps': {
      const counts = await groupedCounts(db, question.id, 'numberValue');
      return { question, counts, answered: sum(counts), texts: none };
    }
    default: {
      const [answered, texts] = await Promise.all([
        db.surveyAnswer.count({ where: { questionId: question.id } }),
        listTextAnswers(db, { surveyId, questionId: question.id, after: null, limit: INLINE_TEXTS }),
      ]);
      return { question, counts: new Map(), answered, texts };
    }
  }
}

/** The results of a survey; on a hidden one (anonymous, below the threshold) no answer is read at all. */
export async function loadSurveyResults(db: Db, survey: ResultsSurvey): Promise<SurveyResults> {
  const hidden = resultsHidden(survey);
  const [audienceSize, tallies] = await Promise.all([
    countAudience(db, survey),
    hidden
      ? survey.questions.map((question): QuestionTally => ({ question, counts: new Map(), answered: 0, texts: { items: [], nextCursor: null } }))
      : Promise.all(survey.questions.map((question) => tallyQuestion(db, survey.id, question))),
  ]);
  return {
    surveyId: survey.id,
    responseCount: survey.responseCount,
    memberResponseCount: survey.memberResponseCount,
    audienceSize,
    responseRate: rateOf(survey.responseCount, audienceSize),
    hidden,
    threshold: ANONYMITY_THRESHOLD,
    questions: tallies.map((tally) => presentQuestionResult(tally, { hidden })),
  };
}
