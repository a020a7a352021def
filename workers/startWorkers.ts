// Starts one BullMQ worker per queue plus the sweeper. Used by workers/index.ts and by `npm start` (all-in-one).
import { Worker, type ConnectionOptions } from 'bullmq';
import { QUEUE_NAMES, type FlagJob } from '../server/contracts/jobs';
import type { Deps } from '../server/deps';
import { createFlagPostProcessor } from './processors/flagPost';
import { startSweeper, type Sweeper } from './sweeper';

export interface RunningWorkers {
  flagging: Worker<FlagJob>;
  sweeper: Sweeper;
  close(): Promise<void>;
}

/** Starts the workers on `connection` (which must allow unlimited retries per request). */
export function startWorkers(deps: Deps, options: { connection: ConnectionOptions; stalledIntervalMs?: number; lockDurationMs?: number; sweepGraceMs?: number }): RunningWorkers {
  const flagging = new Worker<FlagJob>(QUEUE_NAMES.flagging, createFlagPostProcessor(deps), {
    connection: options.connection,
    prefix: deps.config.QUEUE_PREFIX,
    concurrency: deps.config.WORKER_CONCURRENCY,
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    // A killed worker's job is seen as stalled only once its lock expires (30 s by default): tests shorten both.
    ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
  });
  flagging.on('completed', (job) => {
    if (job.finishedOn && job.processedOn) deps.metrics.jobDuration.observe({ queue: 'flagging', outcome: 'completed' }, (job.finishedOn - job.processedOn) / 1000);
  });
  flagging.on('failed', (job, err) => {
    deps.metrics.jobFailures.inc({ queue: 'flagging' });
    deps.logger.warn({ err, jobId: job?.id }, 'flagging job failed');
  });
  flagging.on('error', (err) => deps.logger.warn({ err }, 'flagging worker error'));
  const sweeper = startSweeper(deps, { intervalMs: deps.config.SWEEP_INTERVAL_SECONDS * 1000, ...(options.sweepGraceMs !== undefined ? { graceMs: options.sweepGraceMs } : {}) });
  void sweeper.runOnce();
  return {
    flagging,
    sweeper,
    close: async () => {
      sweeper.stop();
      await flagging.close();
    },
  };
}
