// The flagging processor: a thin adapter around applyPostCheck, the same command tests call directly.
import { DelayedError, type Job } from 'bullmq';
import { applyPostCheck, type CheckOutcome } from '../../server/commands/applyPostCheck';
import type { JobRequest, Outcome } from '../../server/commands/outcome';
import { postsOfFlagJob, type FlagJob, type FlagPostJob } from '../../server/contracts/jobs';
import type { Deps } from '../../server/deps';
import { afterCommit } from '../../server/deps';

export type ProcessorDeps = Pick<Deps, 'db' | 'sql' | 'now' | 'enqueue' | 'announce' | 'metrics'>;

/** What a check came to, as the job's return value: the action applied, `skipped`, or `not_due`. */
function resultOf(outcome: CheckOutcome): string {
  return outcome.kind === 'applied' ? outcome.action : outcome.kind;
}

/** Builds the processor for the `flagging` queue. */
export function createFlagPostProcessor(deps: ProcessorDeps) {
  const check = (post: FlagPostJob, retried: boolean): Promise<Outcome<CheckOutcome>> =>
    applyPostCheck({ db: deps.db, sql: deps.sql, now: deps.now() }, { ...post, retried });

  const finish = async (outcome: Outcome<CheckOutcome>): Promise<void> => {
    await afterCommit(deps, outcome);
    if (outcome.value.kind === 'applied') deps.metrics.checkerActions.inc({ action: outcome.value.action });
  };

  return async (job: Job<FlagJob>, token?: string): Promise<string> => {
    // attemptsStarted counts this run too: above 1, an earlier run of this very job stalled or failed.
    const retried = job.attemptsStarted > 1;
    if (!('posts' in job.data)) {
      const outcome = await check(job.data, retried);
      if (outcome.value.kind === 'not_due') {
        // Edited to a later publish time: wait until then under the same job id rather than adding another.
        await job.moveToDelayed(outcome.value.publishAt.getTime(), token);
        throw new DelayedError();
      }
      await finish(outcome);
      return resultOf(outcome.value);
    }

    // A batch: the checks run side by side, so their writes share one transaction (server/db/sqlLane.ts).
    const posts = postsOfFlagJob(job.data);
    const settled = await Promise.allSettled(posts.map((post) => check(post, retried)));
    const results: string[] = [];
    const retry: JobRequest[] = [];
    await Promise.all(
      settled.map(async (s, i) => {
        const post = posts[i] as FlagPostJob;
        if (s.status === 'rejected') {
          // Retried on its own job, under its revision's id and with the queue's attempts: re-running the whole
          // batch would check and announce again every post that already went through.
          results[i] = 'requeued';
          retry.push({ queue: 'flagging', data: post });
          return;
        }
        results[i] = resultOf(s.value.value);
        if (s.value.value.kind === 'not_due') {
          retry.push({ queue: 'flagging', data: post, delayMs: s.value.value.publishAt.getTime() - deps.now().getTime() });
        } else {
          await finish(s.value);
        }
      }),
    );
    // The sweeper still finds any of these whose add fails (Redis down) once they are due.
    if (retry.length) await deps.enqueue(retry, { gather: false });
    return results.join(',');
  };
}
