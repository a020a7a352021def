// Starts one BullMQ worker per queue plus the sweeper. Used by workers/index.ts and by `npm start` (all-in-one).
import { Worker, type ConnectionOptions } from 'bullmq';
import { replanUpcomingReminders } from '../server/commands/replanUpcomingReminders';
import { replanSurveyCloses } from '../server/commands/replanSurveyCloses';
import { QUEUE_NAMES, type EventJob, type FlagJob, type MailJob, type SurveyJob } from '../server/contracts/jobs';
import { createMailTransport } from '../server/mail/transport';
import { createMailJobProcessor } from './processors/mailJobs';
import { startMailSweep, type MailSweep } from './mailSweep';
import type { Deps } from '../server/deps';
import { createEventJobProcessor } from './processors/eventJobs';
import { createFlagPostProcessor } from './processors/flagPost';
import { createSurveyJobProcessor } from './processors/surveyJobs';
import { enqueueOrRetryEventJob, enqueueOrRetrySurveyJob, type EventJobRequest, type SurveyJobRequest } from './queues';
import { startSweeper, type Sweeper } from './sweeper';

export interface RunningWorkers {
  flagging: Worker<FlagJob>;
  events: Worker<EventJob>;
  surveys: Worker<SurveyJob>;
  /** The e-mail sender, or null while e-mail is off (no SMTP_URL). */
  mail: Worker<MailJob> | null;
  sweeper: Sweeper;
  mailSweep: MailSweep | null;
  /** Settles once the reminders of every upcoming event have been planned again (the number of jobs asked for, or -1 on failure). */
  remindersReplanned: Promise<number>;
  /** Settles once overdue open surveys are closed and the others' closing jobs planned again (null on failure). */
  surveyClosesReplanned: Promise<{ closed: number; planned: number } | null>;
  close(): Promise<void>;
}

type WorkerOptions = { connection: ConnectionOptions; stalledIntervalMs?: number; lockDurationMs?: number; sweepGraceMs?: number };

/** Starts the workers on `connection` (which must allow unlimited retries per request). */
export function startWorkers(deps: Deps, options: WorkerOptions): RunningWorkers {
  const flagging = new Worker<FlagJob>(QUEUE_NAMES.flagging, createFlagPostProcessor(deps), workerSettings(deps, options));
  observe(deps, flagging, 'flagging');
  const events = new Worker<EventJob>(QUEUE_NAMES.events, createEventJobProcessor(deps), workerSettings(deps, options));
  observe(deps, events, 'events');
  const surveys = new Worker<SurveyJob>(QUEUE_NAMES.surveys, createSurveyJobProcessor(deps), workerSettings(deps, options));
  observe(deps, surveys, 'surveys');
  const transport = createMailTransport(deps.config);
  const mail = transport
    ? new Worker<MailJob>(QUEUE_NAMES.mail, createMailJobProcessor(deps, transport), { ...workerSettings(deps, options), concurrency: 1 })
    : null;
  if (mail) observe(deps, mail, 'mail');
  if (mail && !deps.config.PUBLIC_ORIGINS.length) deps.logger.warn('SMTP_URL is set but PUBLIC_ORIGINS is not: links in e-mails point to http://localhost');
  // Rows whose job was lost (Redis down after the commit) or gave up: queued again while no mail job waits.
  const mailSweep = mail ? startMailSweep(deps, { intervalMs: deps.config.MAIL_SWEEP_SECONDS * 1000 }) : null;
  const sweeper = startSweeper(deps, { intervalMs: deps.config.SWEEP_INTERVAL_SECONDS * 1000, ...(options.sweepGraceMs !== undefined ? { graceMs: options.sweepGraceMs } : {}) });
  void sweeper.runOnce();
  const remindersReplanned = replanReminders(deps);
  const surveyClosesReplanned = replanSurveys(deps);
  return {
    flagging,
    events,
    surveys,
    mail,
    sweeper,
    mailSweep,
    remindersReplanned,
    surveyClosesReplanned,
    close: async () => {
      sweeper.stop();
      mailSweep?.stop();
      await Promise.all([flagging.close(), events.close(), surveys.close(), mail?.close()]);
      transport?.close();
    },
  };
}

/** The same connection, prefix, concurrency and stall settings for every queue's worker. */
function workerSettings(deps: Deps, options: WorkerOptions) {
  return {
    connection: options.connection,
    prefix: deps.config.QUEUE_PREFIX,
    concurrency: deps.config.WORKER_CONCURRENCY,
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    // A killed worker's job is seen as stalled only once its lock expires (30 s by default): tests shorten both.
    ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
  };
}

/** Job durations, failures and worker errors of one queue, in the metrics and the log. */
function observe(deps: Deps, worker: Worker, queue: 'flagging' | 'events' | 'surveys' | 'mail'): void {
  worker.on('completed', (job) => {
    if (job.finishedOn && job.processedOn) deps.metrics.jobDuration.observe({ queue, outcome: 'completed' }, (job.finishedOn - job.processedOn) / 1000);
  });
  worker.on('failed', (job, err) => {
    deps.metrics.jobFailures.inc({ queue });
    deps.logger.warn({ err, jobId: job?.id }, `${queue} job failed`);
  });
  worker.on('error', (err) => deps.logger.warn({ err }, `${queue} worker error`));
}

/**
 * Plans every upcoming event's reminders (and every upcoming cancelled event's cancellation notice) again on start:
 * jobs still queued keep their ids and are not added twice, lost ones come back (a reminder already due when its time
 * passed and the event has not begun), failed ones are retried. Waits for each add, unlike the request path's
 * enqueue, so a Redis that is down shows up here as one warning instead of silence.
 */
async function replanReminders(deps: Deps): Promise<number> {
  try {
    const planned = await replanUpcomingReminders(
      { db: deps.db, now: deps.now() },
      { add: (jobs) => Promise.all(jobs.filter((job): job is EventJobRequest => job.queue === 'events').map((job) => enqueueOrRetryEventJob(deps.queues, job))).then(() => undefined) },
    );
    if (planned) deps.logger.info({ planned }, 'planned the reminders and cancellation notices of upcoming events again');
    return planned;
  } catch (err) {
    deps.logger.warn({ err }, 'could not plan the reminders and cancellation notices of upcoming events again; they are planned on the next start');
    return -1;
  }
}

/** Closes overdue open surveys and plans the others' closing jobs again on start (jobs lost with Redis data come back). */
export async function replanSurveys(deps: Deps): Promise<{ closed: number; planned: number } | null> {
  try {
    const result = await replanSurveyCloses(
      { db: deps.db, now: deps.now() },
      { add: (jobs) => Promise.all(jobs.filter((job): job is SurveyJobRequest => job.queue === 'surveys').map((job) => enqueueOrRetrySurveyJob(deps.queues, job))).then(() => undefined) },
    );
    if (result.closed || result.planned) deps.logger.info(result, 'closed overdue surveys and planned the closing of open ones again');
    return result;
  } catch (err) {
    deps.logger.warn({ err }, 'could not re-plan the closing of open surveys; they are planned on the next start');
    return null;
  }
}
