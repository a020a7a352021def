// Text answers of one question, newest response first, keyset-paged by (response submittedAt, response id). The
// cursor names the response, never the answer row nor a time finer than the response's own submittedAt (the start of
// the day on anonymous surveys).
import type { Db } from '../db/client';
import { toPage, type CursorKey } from '../lib/cursor';

export interface TextPage {
  items: string[];
  nextCursor: string | null;
}

/** One page of a text question's answers, newest first. */
export async function listTextAnswers(db: Db, input: { questionId: string; after: CursorKey | null; limit: number }): Promise<TextPage> {
  const after = input.after;
  const rows = await db.surveyAnswer.findMany({
    where: {
      questionId: input.questionId,
      ...(after
        ? { OR: [{ response: { submittedAt: { lt: after.at } } }, { response: { submittedAt: after.at }, responseId: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ response: { submittedAt: 'desc' } }, { responseId: 'desc' }],
    take: input.limit + 1,
    select: { textValue: true, responseId: true, response: { select: { submittedAt: true } } },
  });
  const page = toPage(rows, input.limit, (row) => ({ at: row.response.submittedAt, id: row.responseId }));
  return { items: page.rows.map((row) => row.textValue ?? ''), nextCursor: page.nextCursor };
}
