// BullMQ queues and their job data, shared by the producers (server) and processors (workers).

export const QUEUE_NAMES = { flagging: 'flagging', events: 'events', surveys: 'surveys', mail: 'mail' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface FlagPostJob {
  postId: string;
  revision: number;
}

/**
 * Post revisions created by different requests in the same turn of the server's event loop, checked by one job: one
 * BullMQ add, fetch and completion, and one database transaction, for all of them (workers/queues.ts createEnqueue).
 */
export interface FlagBatchJob {
  posts: FlagPostJob[];
}

/** What the flagging queue carries: job name `check` holds one revision, `check-batch` several. */
export type FlagJob = FlagPostJob | FlagBatchJob;

export const FLAG_JOB_NAMES = { one: 'check', batch: 'check-batch' } as const;

/** Remind the going members of an event `offsetMinutes` before the start it was planned for. */
export interface EventReminderJob {
  eventId: string;
  offsetMinutes: number;
  /** The start (ISO) this reminder was planned for: a job whose event has moved since is stale and does nothing. */
  startsAt: string;
  /**
   * The event's `sequence` when the job was planned. Only part of the job id: an event moved A -> B -> A plans A's
   * reminder again under a new id, where the first A job (kept an hour after completing, a week after failing) would
   * make BullMQ ignore the add. The delivery rows, keyed without it, keep each reminder exactly once.
   */
  sequence: number;
}

/** Tell the going, waitlisted and interested members that an event was cancelled. */
export interface EventCancelledJob {
  eventId: string;
}

/** Tell the going and waitlisted members that an event moved to a new start. */
export interface EventMovedJob {
  eventId: string;
  /** The new start (ISO): a job whose event has moved again since is stale (that move has a job of its own). */
  startsAt: string;
  /** The start (ISO) before this move, for the notification. */
  previousStartsAt: string;
  /** The event's `sequence` after the move: part of the job id only, like EventReminderJob's. */
  sequence: number;
}

export const EVENT_JOB_NAMES = { reminder: 'reminder', cancelled: 'cancelled', moved: 'moved' } as const;
export type EventJobName = (typeof EVENT_JOB_NAMES)[keyof typeof EVENT_JOB_NAMES];
export type EventJob = EventReminderJob | EventCancelledJob | EventMovedJob;

/** One delayed job per (event, offset, planned start, sequence): adding it again (a restart's re-plan) is a no-op. */
export function eventReminderJobId(job: EventReminderJob): string {
  return `reminder-${job.eventId}-${job.offsetMinutes}-${Date.parse(job.startsAt)}-s${job.sequence}`;
}

/** One moved notice per move (new start and sequence). */
export function eventMovedJobId(job: EventMovedJob): string {
  return `moved-${job.eventId}-${Date.parse(job.startsAt)}-s${job.sequence}`;
}

/** One cancellation notice per event. */
export function eventCancelledJobId(job: EventCancelledJob): string {
  return `cancelled-${job.eventId}`;
}

/** Close a survey at its `closesAt`; a job whose survey's closesAt has changed since is stale and does nothing. */
export interface SurveyCloseJob {
  surveyId: string;
  closesAt: string;
}
export type SurveyJob = SurveyCloseJob;
export const SURVEY_JOB_NAMES = { close: 'close' } as const;

/** One closing job per (survey, closesAt): re-planning the same time again is a no-op. */
export function surveyCloseJobId(job: SurveyCloseJob): string {
  return `close-${job.surveyId}-${Date.parse(job.closesAt)}`;
}

/**
 * Send the pending e-mail outbox (MailDelivery rows), in pages. Every such job sends whatever is pending, not only
 * what its producer wrote, so the jobs carry no ids: a second job finds nothing left, and one added while another runs
 * is never ignored (a row written after the running job's last page is still sent). `reason` is for the logs.
 */
export interface MailSendJob {
  reason: string;
}
export type MailJob = MailSendJob;
export const MAIL_JOB_NAMES = { send: 'send' } as const;

export interface JobMap {
  flagging: FlagJob;
  events: EventJob;
  surveys: SurveyJob;
  mail: MailJob;
}

/** The post revisions a flagging job asks to check. */
export function postsOfFlagJob(job: FlagJob): FlagPostJob[] {
  return 'posts' in job ? job.posts : [job];
}

/** The id of a single revision's job: BullMQ ignores a second add with the same id, so such duplicates collapse. */
export function flagJobId(job: FlagPostJob): string {
  return `post-${job.postId}-r${job.revision}`;
}
