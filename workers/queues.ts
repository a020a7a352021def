// Queue names and typed producers. The server enqueues through these; workers consume the same names.
import { Queue, type ConnectionOptions } from 'bullmq';
import { FLAG_JOB_NAMES, MAIL_JOB_NAMES, QUEUE_NAMES, eventCancelledJobId, eventMovedJobId, eventReminderJobId, flagJobId, surveyCloseJobId, type EventJob, type FlagJob, type FlagPostJob, type MailJob, type MailSendJob, type SurveyJob } from '../server/contracts/jobs';
import type { JobRequest } from '../server/commands/outcome';
import type { Logger } from '../server/logger';

/** Finished jobs are trimmed, but kept an hour so a duplicate add within that time is still recognised. */
export const JOB_RETENTION = {
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export interface Queues {
  flagging: Queue<FlagJob>;
  events: Queue<EventJob>;
  surveys: Queue<SurveyJob>;
  mail: Queue<MailJob>;
  close(): Promise<void>;
}

export type EventJobRequest = Extract<JobRequest, { queue: 'events' }>;
type FlagJobRequest = Extract<JobRequest, { queue: 'flagging' }>;
export type SurveyJobRequest = Extract<JobRequest, { queue: 'surveys' }>;
export type MailJobRequest = Extract<JobRequest, { queue: 'mail' }>;

/**
 * Opens the producer side of every queue on one connection. `mail` sets the mail jobs' retries: a job that met a down
 * or refusing SMTP server fails and is tried again after `backoffMs`, doubling each time, `attempts` times in all.
 */
export function createQueues(options: { connection: ConnectionOptions; prefix: string; mail?: { attempts: number; backoffMs: number } }): Queues {
  const flagging = new Queue<FlagJob>(QUEUE_NAMES.flagging, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...JOB_RETENTION },
  });
  const events = new Queue<EventJob>(QUEUE_NAMES.events, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ...JOB_RETENTION },
  });
  const surveys = new Queue<SurveyJob>(QUEUE_NAMES.surveys, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, ...JOB_RETENTION },
  });
  const mail = new Queue<MailJob>(QUEUE_NAMES.mail, {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: {
      attempts: options.mail?.attempts ?? 11,
      backoff: { type: 'exponential', delay: options.mail?.backoffMs ?? 10_000 },
      // Mail jobs have no ids of their own (MailSendJob), so nothing needs the finished ones for deduplication.
      removeOnComplete: { age: 600, count: 1000 },
      removeOnFail: JOB_RETENTION.removeOnFail,
    },
  });
  return {
    flagging,
    events,
    surveys,
    mail,
    close: async () => {
      await Promise.all([flagging.close(), events.close(), surveys.close(), mail.close()]);
    },
  };
}

/** Adds a job that sends the pending e-mail outbox. */
export async function enqueueMailJob(queues: Queues, data: MailSendJob): Promise<void> {
  await queues.mail.add(MAIL_JOB_NAMES.send, data);
}

/** Adds a survey's closing job under its derived id (survey and closesAt), so planning the same close twice queues it once. */
export async function enqueueSurveyJob(queues: Queues, job: SurveyJobRequest): Promise<void> {
  await queues.surveys.add(job.name, job.data, { jobId: surveyCloseJobId(job.data), delay: Math.max(0, job.delayMs ?? 0) });
}

/** Like enqueueSurveyJob, but a kept failed job of the same id is put back to waiting (the re-plan on worker start). */
export async function enqueueOrRetrySurveyJob(queues: Queues, job: SurveyJobRequest): Promise<'added' | 'retried'> {
  const existing = await queues.surveys.getJob(surveyCloseJobId(job.data));
  if (existing && (await existing.isFailed())) {
    await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return 'retried';
  }
  await enqueueSurveyJob(queues, job);
  return 'added';
}

/** The derived id of an event job: planning the same reminder, cancellation or move notice twice queues it once. */
function eventJobId(job: EventJobRequest): string {
  if (job.name === 'reminder') return eventReminderJobId(job.data);
  if (job.name === 'moved') return eventMovedJobId(job.data);
  return eventCancelledJobId(job.data);
}

/** Adds an event job under its derived id, so planning the same reminder twice queues it once. */
export async function enqueueEventJob(queues: Queues, job: EventJobRequest): Promise<void> {
  await queues.events.add(job.name, job.data, { jobId: eventJobId(job), delay: Math.max(0, job.delayMs ?? 0) });
}

/**
 * Like enqueueEventJob, but a job with the same id kept in the failed state (a week) is put back to waiting: adding
 * the id again would be ignored, leaving that reminder or notice unsent for good. For the re-plan on worker start;
 * a job that keeps failing is thus tried again once per start. Returns what it did.
 */
export async function enqueueOrRetryEventJob(queues: Queues, job: EventJobRequest): Promise<'added' | 'retried'> {
  const existing = await queues.events.getJob(eventJobId(job));
  if (existing && (await existing.isFailed())) {
    await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return 'retried';
  }
  await enqueueEventJob(queues, job);
  return 'added';
}

/** Adds a flagging job; the id is derived from post and revision so duplicates collapse into one. */
export async function enqueueFlag(queues: Queues, job: FlagPostJob, delayMs = 0): Promise<void> {
  await queues.flagging.add(FLAG_JOB_NAMES.one, job, { jobId: flagJobId(job), delay: Math.max(0, delayMs) });
}

/** Adds one job that checks several revisions; BullMQ names it, since no single revision identifies it. */
async function enqueueFlagBatch(queues: Queues, posts: FlagPostJob[]): Promise<void> {
  await queues.flagging.add(FLAG_JOB_NAMES.batch, { posts });
}

/**
 * Puts the retained failed job of each (post, revision) back to waiting and returns how many it revived. Adding the
 * same id again would be ignored while the failed job is kept (a week), leaving its post unchecked that long.
 */
export async function retryFailedFlags(queues: Queues, jobs: FlagPostJob[]): Promise<number> {
  let revived = 0;
  for (const job of jobs) {
    const existing = await queues.flagging.getJob(flagJobId(job));
    if (existing && (await existing.isFailed())) {
      await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      revived += 1;
    }
  }
  return revived;
}

/** `gather: false` gives every job its own id'd job, never a share of a batch (the sweeper, retries of one post). */
export type Enqueue = (jobs: JobRequest[], options?: { gather?: boolean }) => Promise<void>;

/**
 * Builds the enqueue step that runs after a commit. It never fails the request: a post whose job could not be
 * queued stays pending and the worker's sweeper queues it once Redis is back. The request waits at most
 * `timeoutMs` for Redis; an add that is merely slow (an overloaded process, not a dead Redis) still completes
 * afterwards, and only an add that really fails is worth a warning.
 *
 * Under load many requests commit together; the single flagging jobs they ask for right after are added together
 * as one `check-batch` job. Adds of such jobs are also spaced at least `gatherMs` apart (FLAG_GATHER_MS, 8 ms by
 * default): a post whose turn comes sooner after the previous add waits out the rest of that interval, with every post
 * that arrives meanwhile. At a steady rate below the maximum, requests rarely share a turn, and each job then pays
 * for its own Redis round trips and turns of the worker (add, fetch, commit, finish): spacing them costs a few
 * milliseconds of latency and saved about a fifth of the CPU per post at 500 posts/s (bench/README.md). After a quiet
 * spell the first post goes out in its own turn, as before. A post alone in its batch gets its own job with the
 * revision's id, as do delayed jobs, every job of a call that asks for several at once, and calls with
 * `gather: false` (the sweeper): their ids keep a repeated sweep from queueing a revision twice. A revision in a
 * batch has no id of its own, so a sweep that runs while that batch still waits (a backlog longer than the sweep's
 * grace period) queues it again; the conditional update in applyPostCheck makes the second check a no-op.
 */
export function createEnqueue(deps: { queues: Queues; logger: Logger; timeoutMs?: number; gatherMs?: number }): Enqueue {
  const timeoutMs = deps.timeoutMs ?? 1000;
  const gatherMs = deps.gatherMs ?? 0;
  let gathering: { posts: FlagPostJob[]; added: Promise<boolean> } | null = null;
  let lastAddAt = Number.NEGATIVE_INFINITY;

  const settle = (add: Promise<void>, jobs: FlagPostJob[]) =>
    add.then(
      () => true,
      (err: unknown) => {
        deps.logger.warn({ err, jobs }, 'could not enqueue; the sweeper will retry');
        return true;
      },
    );

  /** Joins this turn's batch, starting it if this is the turn's first request. */
  const joinBatch = (job: FlagPostJob): Promise<boolean> => {
    if (gathering) {
      gathering.posts.push(job);
      return gathering.added;
    }
    const batch: { posts: FlagPostJob[]; added: Promise<boolean> } = { posts: [job], added: Promise.resolve(true) };
    // process.nextTick runs once the current callback's promise continuations have all run: those of one group
    // commit (server/db/sqlLane.ts) resume together and gather here, and the add goes out in the same turn, unless
    // the previous add was less than gatherMs ago.
    const wait = lastAddAt + gatherMs - performance.now();
    const gathered = new Promise<void>((resolve) => (wait > 0 ? setTimeout(resolve, wait) : process.nextTick(resolve)));
    batch.added = gathered.then(() => {
      gathering = null;
      lastAddAt = performance.now();
      const [only] = batch.posts;
      return settle(batch.posts.length === 1 && only ? enqueueFlag(deps.queues, only) : enqueueFlagBatch(deps.queues, batch.posts), batch.posts);
    });
    gathering = batch;
    return batch.added;
  };

  const addEventJobs = (jobs: EventJobRequest[]) =>
    Promise.all(
      jobs.map((job) =>
        enqueueEventJob(deps.queues, job).catch((err: unknown) => {
          // Reminders are planned again for every upcoming event when the workers start (workers/startWorkers.ts).
          deps.logger.warn({ err, job: job.data }, 'could not enqueue an event job; it is planned again on the next worker start');
        }),
      ),
    );

  const addSurveyJobs = (jobs: SurveyJobRequest[]) =>
    Promise.all(
      jobs.map((job) =>
        enqueueSurveyJob(deps.queues, job).catch((err: unknown) => {
          // Closing jobs of open surveys are planned again when the workers start (workers/startWorkers.ts).
          deps.logger.warn({ err, job: job.data }, 'could not enqueue a survey job; it is planned again on the next worker start');
        }),
      ),
    );

  const addMailJobs = (jobs: MailJobRequest[]) =>
    Promise.all(
      jobs.map((job) =>
        enqueueMailJob(deps.queues, job.data).catch((err: unknown) => {
          // The rows stay pending: the workers' mail sweep (workers/startWorkers.ts) queues a job for them.
          deps.logger.warn({ err, job: job.data }, 'could not enqueue a mail job; the mail sweep sends the outbox later');
        }),
      ),
    );

  return async (allJobs, options = {}) => {
    const mailJobs = allJobs.filter((job): job is MailJobRequest => job.queue === 'mail');
    if (mailJobs.length && !(await settledWithin(addMailJobs(mailJobs).then(() => true), timeoutMs))) {
      deps.logger.debug({ jobs: mailJobs.map((j) => j.data), timeoutMs }, 'mail enqueue still in flight; not waiting for it');
    }
    const surveyJobs = allJobs.filter((job): job is SurveyJobRequest => job.queue === 'surveys');
    if (surveyJobs.length && !(await settledWithin(addSurveyJobs(surveyJobs).then(() => true), timeoutMs))) {
      deps.logger.debug({ jobs: surveyJobs.map((j) => j.data), timeoutMs }, 'survey enqueue still in flight; not waiting for it');
    }
    const eventJobs = allJobs.filter((job): job is EventJobRequest => job.queue === 'events');
    const jobs = allJobs.filter((job): job is FlagJobRequest => job.queue === 'flagging');
    if (eventJobs.length && !(await settledWithin(addEventJobs(eventJobs).then(() => true), timeoutMs))) {
      deps.logger.debug({ jobs: eventJobs.map((j) => j.data), timeoutMs }, 'event enqueue still in flight; not waiting for it');
    }
    if (!jobs.length) return;
    const [only] = jobs;
    const settled =
      jobs.length === 1 && only && !only.delayMs && options.gather !== false
        ? joinBatch(only.data)
        : Promise.all(jobs.map((job) => settle(enqueueFlag(deps.queues, job.data, job.delayMs), [job.data]))).then(() => true);
    if (!(await settledWithin(settled, timeoutMs))) {
      deps.logger.debug({ jobs: jobs.map((j) => j.data), timeoutMs }, 'enqueue still in flight; not waiting for it');
    }
  };
}

/** Whether `promise` settled within `ms` (it is never rejected here: failures are handled by the caller). */
async function settledWithin(promise: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
