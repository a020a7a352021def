// BullMQ queues and their job data, shared by the producers (server) and processors (workers).

export const QUEUE_NAMES = { flagging: 'flagging' } as const;
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

export interface JobMap {
  flagging: FlagJob;
}

/** The post revisions a flagging job asks to check. */
export function postsOfFlagJob(job: FlagJob): FlagPostJob[] {
  return 'posts' in job ? job.posts : [job];
}

/** The id of a single revision's job: BullMQ ignores a second add with the same id, so such duplicates collapse. */
export function flagJobId(job: FlagPostJob): string {
  return `post-${job.postId}-r${job.revision}`;
}
