// The events processor: reminders, cancellation notices and moved notices. A thin adapter around the commands tests call directly;
// each batch of notifications is announced right after its transaction commits.
import { UnrecoverableError, type Job } from 'bullmq';
import { sendEventCancellation } from '../../server/commands/sendEventCancellation';
import { sendEventMoved } from '../../server/commands/sendEventMoved';
import { sendEventReminder } from '../../server/commands/sendEventReminder';
import type { NoticeDeps, NoticeResult } from '../../server/commands/deliverEventNotices';
import { EVENT_JOB_NAMES, type EventCancelledJob, type EventJob, type EventMovedJob, type EventReminderJob } from '../../server/contracts/jobs';
import type { Deps } from '../../server/deps';
import { afterCommit } from '../../server/deps';

export type EventProcessorDeps = Pick<Deps, 'db' | 'now' | 'enqueue' | 'announce' | 'metrics' | 'config'>;

// `sequence` is not required: it only names the job (eventReminderJobId), and a job queued before it existed is
// still a reminder the command can judge.
function isReminder(data: EventJob): data is EventReminderJob {
  const d = data as Partial<EventReminderJob>;
  return typeof d.eventId === 'string' && Number.isInteger(d.offsetMinutes) && typeof d.startsAt === 'string' && !Number.isNaN(Date.parse(d.startsAt));
}

function isMove(data: EventJob): data is EventMovedJob {
  const d = data as Partial<EventMovedJob>;
  const isInstant = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
  return typeof d.eventId === 'string' && isInstant(d.startsAt) && isInstant(d.previousStartsAt) && Number.isInteger(d.sequence);
}

function isCancellation(data: EventJob): data is EventCancelledJob {
  return typeof (data as Partial<EventCancelledJob>).eventId === 'string';
}

/** Builds the processor for the `events` queue (job names `reminder`, `cancelled`, `moved`); returns `sent:n` or `skipped:reason`. */
export function createEventJobProcessor(deps: EventProcessorDeps, options: { batchSize?: number } = {}) {
  const noticeDeps = (): NoticeDeps => ({
    db: deps.db,
    now: deps.now(),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    afterBatch: (outcome) => afterCommit(deps, outcome),
    // E-mail copies go to the outbox only while SMTP is configured (server/commands/eventNoticeEmails.ts).
    emailEnabled: deps.config.SMTP_URL !== undefined,
  });
  const record = (kind: 'reminder' | 'cancelled' | 'moved', result: NoticeResult<string>): string => {
    if (result.sent) deps.metrics.eventNoticesSent.inc({ kind }, result.sent);
    const outcome = result.skipped ?? 'sent';
    deps.metrics.eventNoticeJobs.inc({ kind, outcome });
    return result.skipped ? `skipped:${result.skipped}` : `sent:${result.sent}`;
  };

  return async (job: Job<EventJob>): Promise<string> => {
    if (job.name === EVENT_JOB_NAMES.reminder && isReminder(job.data)) return record('reminder', await sendEventReminder(noticeDeps(), job.data));
    if (job.name === EVENT_JOB_NAMES.cancelled && isCancellation(job.data)) return record('cancelled', await sendEventCancellation(noticeDeps(), job.data));
    if (job.name === EVENT_JOB_NAMES.moved && isMove(job.data)) return record('moved', await sendEventMoved(noticeDeps(), job.data));
    // Retrying a job nobody can read would only fail again.
    throw new UnrecoverableError(`unknown events job ${job.name} ${JSON.stringify(job.data)}`);
  };
}
