// The mail processor: a thin adapter around sendPendingMail. A run that had to put messages back (SMTP down or
// refusing for now) fails the job after sending what it could, so BullMQ retries it with exponential backoff
// (MAIL_BACKOFF_MS, MAIL_JOB_ATTEMPTS); the messages already sent are marked and are not sent again.
import { UnrecoverableError, type Job } from 'bullmq';
import { sendPendingMail } from '../../server/commands/sendPendingMail';
import { MAIL_JOB_NAMES, type MailJob } from '../../server/contracts/jobs';
import type { Deps } from '../../server/deps';
import type { MailTransport } from '../../server/mail/transport';

export type MailProcessorDeps = Pick<Deps, 'db' | 'now' | 'config' | 'logger' | 'metrics'>;

/** Builds the processor for the `mail` queue (job name `send`); returns `sent:n failed:n skipped:n`. */
export function createMailJobProcessor(deps: MailProcessorDeps, transport: MailTransport) {
  return async (job: Job<MailJob>): Promise<string> => {
    if (job.name !== MAIL_JOB_NAMES.send) throw new UnrecoverableError(`unknown mail job ${job.name}`);
    const result = await sendPendingMail({ ...deps, transport });
    const summary = `sent:${result.sent} failed:${result.failed} skipped:${result.skipped}`;
    if (result.deferred) {
      // Thrown, so the job is retried later; the message names no address and no token.
      throw new Error(`${summary} deferred:${result.deferred}${result.unreachable ? ' (SMTP server unreachable)' : ' (refused for now)'}`);
    }
    // The mail worker runs one job at a time, so rows still in `sending` are another process's: a live one's, or a
    // killed one's whose lease has not passed yet. Trying again later takes those over; for a live one it finds nothing.
    if (result.heldElsewhere) throw new Error(`${summary} held by another worker:${result.heldElsewhere}`);
    return summary;
  };
}
