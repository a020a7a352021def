// Plans the reminders of every upcoming event again, page by page, when the events worker starts. Job ids are
// derived from (event, offset, start), so a job still queued is not added twice; a job that was lost (Redis data
// gone, an add that failed after a commit) is queued again, already due if its time passed while nobody ran it.
import type { Db } from '../db/client';
import { parseReminders } from '../presenters/presentEvent';
import type { JobRequest } from './outcome';
import { planEventReminders } from './planEventReminders';

/** Events read per page: the planner never holds every upcoming event in memory. */
export const REPLAN_PAGE_SIZE = 500;

export interface ReplanInput {
  /** Adds one page's jobs; awaited before the next page is read. */
  add(jobs: JobRequest[]): Promise<void>;
  pageSize?: number;
}

/** Re-plans the reminder jobs of every scheduled event that starts after `now`; returns how many jobs it asked for. */
export async function replanUpcomingReminders(deps: { db: Db; now: Date }, input: ReplanInput): Promise<number> {
  const take = input.pageSize ?? REPLAN_PAGE_SIZE;
  let after: { startsAt: Date; id: string } | null = null;
  let planned = 0;
  for (;;) {
    // Keyset paging on (startsAt, id) through the [status, startsAt] index: stable while events are added meanwhile.
    const page: { id: string; startsAt: Date; reminders: string; status: string }[] = await deps.db.event.findMany({
      where: {
        status: 'scheduled',
        startsAt: { gt: deps.now },
        ...(after ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, startsAt: true, reminders: true, status: true },
    });
    const jobs = page.flatMap((event) => planEventReminders({ ...event, reminders: parseReminders(event.reminders) }, deps.now));
    if (jobs.length) await input.add(jobs);
    planned += jobs.length;
    const last = page.at(-1);
    if (!last || page.length < take) return planned;
    after = { startsAt: last.startsAt, id: last.id };
  }
}
