// Re-queues posts left pending without a job (Redis was down when they were created, a job was lost).
// Runs when workers start and then periodically; each revision gets its own job id, so a second sweep of the same
// revision adds nothing (a revision waiting inside a `check-batch` job has no id of its own: see createEnqueue).
import { findUncheckedPosts } from '../server/commands/findUncheckedPosts';
import type { Deps } from '../server/deps';
import { flagJobId, type FlagPostJob } from '../server/contracts/jobs';
import { retryFailedFlags, type Queues } from './queues';

export interface Sweeper {
  runOnce(): Promise<number>;
  stop(): void;
}

/** Starts the periodic sweep; `runOnce` is exposed for tests and start-up. */
export function startSweeper(deps: Pick<Deps, 'db' | 'now' | 'enqueue' | 'logger' | 'queues'>, options: { intervalMs: number; graceMs?: number }): Sweeper {
  let running = false;
  async function runOnce(): Promise<number> {
    if (running) return 0;
    running = true;
    try {
      const jobs = await findUncheckedPosts({ db: deps.db, now: deps.now() }, { graceMs: options.graceMs ?? 10_000, limit: 500 });
      if (jobs.length) {
        // A job that failed for good (attempts used up, stalled twice) still holds its id: revive it, then add the rest.
        const revived = await retryFailedFlags(deps.queues, jobs);
        await promoteDueFlags(deps.queues, jobs);
        await deps.enqueue(jobs.map((data) => ({ queue: 'flagging' as const, data })), { gather: false });
        deps.logger.info({ count: jobs.length, revived }, 'sweeper re-queued unchecked posts');
      }
      return jobs.length;
    } catch (err) {
      deps.logger.warn({ err }, 'sweep failed; will retry');
      return 0;
    } finally {
      running = false;
    }
  }
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}

/**
 * Runs now the delayed job of each due revision. A scheduled post's job waits for the time it was planned with, on
 * Redis's clock; once the post is due by the process's own clock (`now`, injected in tests) it need not wait longer.
 * The job still checks the time itself, so this can never publish a post early.
 */
async function promoteDueFlags(queues: Queues, jobs: FlagPostJob[]): Promise<void> {
  for (const job of jobs) {
    const existing = await queues.flagging.getJob(flagJobId(job));
    if (existing && (await existing.isDelayed())) await existing.promote().catch(() => undefined);
  }
}
