// Queues a mail job when outbox rows are owed a send and no mail job is waiting, delayed or running: the job asked for
// after a commit was lost (Redis down), every retry of one was used up during a long SMTP outage, or a worker died
// holding rows. Runs when the workers start and then every MAIL_SWEEP_SECONDS.
import type { Deps } from '../server/deps';
import { enqueueMailJob } from './queues';

export interface MailSweep {
  runOnce(): Promise<boolean>;
  stop(): void;
}

/** Starts the periodic check; `runOnce` (also run at once) returns whether it queued a job. */
export function startMailSweep(deps: Pick<Deps, 'db' | 'now' | 'queues' | 'logger'>, options: { intervalMs: number }): MailSweep {
  let running = false;
  async function runOnce(): Promise<boolean> {
    if (running) return false;
    running = true;
    try {
      const owed = await deps.db.mailDelivery.findFirst({ where: { OR: [{ status: 'pending' }, { status: 'sending', leaseUntil: { lt: deps.now() } }] }, select: { id: true } });
      if (!owed) return false;
      const counts = await deps.queues.mail.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return false;
      await enqueueMailJob(deps.queues, { reason: 'sweep' });
      deps.logger.info('mail sweep queued a job for the pending outbox');
      return true;
    } catch (err) {
      deps.logger.warn({ err }, 'mail sweep failed; will retry');
      return false;
    } finally {
      running = false;
    }
  }
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.intervalMs);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
