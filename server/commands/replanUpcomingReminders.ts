// Plans the notices of every upcoming event again, page by page, when the events worker starts: the reminders of
// scheduled events, and the cancellation notice of cancelled ones. Job ids are derived from the event (reminders:
// event, offset, start, sequence; cancellations: event), so a job still queued is not added twice; a job that was
// lost (Redis data gone, an add that failed after a commit) is queued again, a reminder already due if its time
// passed while nobody ran it. A cancellation notice already delivered finds its delivery rows and sends nobody more.
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

interface ReplanRow {
  id: string;
  startsAt: Date;
  reminders: string;
  status: string;
  sequence: number;
}

/**
 * Re-plans the reminder jobs of every scheduled event that starts after `now`, and the `cancelled` job of every
 * cancelled event that starts after `now` (cancelEvent enqueues it after the commit, and nothing else would queue it
 * again if that add failed); returns how many jobs it asked for.
 */
export async function replanUpcomingReminders(deps: { db: Db; now: Date }, input: ReplanInput): Promise<number> {
  const reminders = await replanPages(deps, input, 'scheduled', (event) => planEventReminders({ ...event, reminders: parseReminders(event.reminders) }, deps.now));
  const cancellations = await replanPages(deps, input, 'cancelled', (event) => [{ queue: 'events', name: 'cancelled', data: { eventId: event.id }, delayMs: 0 }]);
  return reminders + cancellations;
}

/** Walks the events with `status` that start after `now`, adding each page's jobs before reading the next. */
async function replanPages(deps: { db: Db; now: Date }, input: ReplanInput, status: 'scheduled' | 'cancelled', plan: (event: ReplanRow) => JobRequest[]): Promise<number> {
  const take = input.pageSize ?? REPLAN_PAGE_SIZE;
  let after: { startsAt: Date; id: string } | null = null;
  let planned = 0;
  for (;;) {
    // Keyset paging on (startsAt, id) through the [status, startsAt] index: stable while events are added meanwhile.
    const page: ReplanRow[] = await deps.db.event.findMany({
      where: {
        status,
        startsAt: { gt: deps.now },
        ...(after ? { OR: [{ startsAt: { gt: after.startsAt } }, { startsAt: after.startsAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take,
      select: { id: true, startsAt: true, reminders: true, status: true, sequence: true },
    });
    const jobs = page.flatMap(plan);
    if (jobs.length) await input.add(jobs);
    planned += jobs.length;
    const last = page.at(-1);
    if (!last || page.length < take) return planned;
    after = { startsAt: last.startsAt, id: last.id };
  }
}
