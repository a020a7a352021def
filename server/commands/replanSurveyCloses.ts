// Plans the closing job of every open survey with a closesAt again when the workers start: jobs still queued keep
// their ids (survey and closesAt) and are not added twice, lost ones come back, and overdue surveys close at once.
import type { Db } from '../db/client';
import { closeSurvey } from './closeSurvey';
import { planSurveyClose } from './closeSurvey';
import type { JobRequest } from './outcome';

const PAGE_SIZE = 500;

/** Closes the overdue open surveys now and re-plans the others' jobs page by page; returns [closed, planned]. */
export async function replanSurveyCloses(deps: { db: Db; now: Date }, input: { add(jobs: JobRequest[]): Promise<void>; pageSize?: number }): Promise<{ closed: number; planned: number }> {
  const take = input.pageSize ?? PAGE_SIZE;
  let closed = 0;
  for (;;) {
    // Through the [state, closesAt] index; each page closes, so the next read starts over.
    const overdue = await deps.db.survey.findMany({ where: { state: 'open', closesAt: { lte: deps.now } }, select: { id: true, closesAt: true }, take });
    for (const survey of overdue) {
      const outcome = await closeSurvey(deps, { surveyId: survey.id, actor: null, dueAt: survey.closesAt ?? undefined });
      if (outcome.value === 'closed') closed += 1;
    }
    if (overdue.length < take) break;
  }
  let planned = 0;
  let after: { closesAt: Date; id: string } | null = null;
  for (;;) {
    const page: { id: string; state: string; closesAt: Date | null }[] = await deps.db.survey.findMany({
      where: { state: 'open', closesAt: { gt: deps.now }, ...(after ? { OR: [{ closesAt: { gt: after.closesAt } }, { closesAt: after.closesAt, id: { gt: after.id } }] } : {}) },
      orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, state: true, closesAt: true },
    });
    const jobs = page.flatMap((survey) => planSurveyClose(survey, deps.now));
    if (jobs.length) await input.add(jobs);
    planned += jobs.length;
    const last = page.at(-1);
    if (!last?.closesAt || page.length < take) return { closed, planned };
    after = { closesAt: last.closesAt, id: last.id };
  }
}
