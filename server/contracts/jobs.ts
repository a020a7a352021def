// BullMQ queues and their job data, shared by the producers (server) and processors (workers).

export const QUEUE_NAMES = { flagging: 'flagging' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface FlagPostJob {
  postId: string;
  revision: number;
}

export interface JobMap {
  flagging: FlagPostJob;
}

/** One job per post revision: BullMQ ignores a second add with the same id, so a duplicate never double-processes. */
export function flagJobId(job: FlagPostJob): string {
  return `post-${job.postId}-r${job.revision}`;
}
