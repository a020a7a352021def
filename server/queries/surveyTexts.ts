// Text answers of one question, newest response first, keyset-paged by (response submittedAt, response id). The
// cursor names the response, never the answer row nor a time finer than the response's own submittedAt (the start of
// the day on anonymous surveys).
//
// The query walks the survey's responses on the index (surveyId, submittedAt, id) and keeps those holding an answer
// to the question (index (questionId, responseId)), so a page costs the same on 100 responses or 100,000; ordering the
// answers through a join would sort every one of them first (bench/README.md, Surveys).
import type { Db } from '../db/client';
import { toPage, type CursorKey } from '../lib/cursor';

export interface TextPage {
  items: string[];
  nextCursor: string | null;
}

/** One page of a text question's answers, newest first. */
export async function listTextAnswers(db: Db, input: { surveyId: string; questionId: string; after: CursorKey | null; limit: number }): Promise<TextPage> {
  const after = input.after;
  const rows = await db.surveyResponse.findMany({
    where: {
      surveyId: input.surveyId,
      answers: { some: { questionId: input.questionId } },
      ...(after ? { OR: [{ submittedAt: { lt: after.at } }, { submittedAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: { id: true, submittedAt: true, answers: { where: { questionId: input.questionId }, select: { textValue: true }, take: 1 } },
  });
  const page = toPage(rows, input.limit, (row) => ({ at: row.submittedAt, id: row.id }));
  return { items: page.rows.map((row) => row.answers[0]?.textValue ?? ''), nextCursor: page.nextCursor };
}
