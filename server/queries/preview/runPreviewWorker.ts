// Runs a rule preview in a worker thread, off the event loop that serves requests and /healthz, and stops
// it at a deadline: the answer then holds the posts checked so far and says it is partial.
import { Worker } from 'node:worker_threads';
import type { PreviewChange } from './comparePost';
import type { PreviewJob, PreviewMessage } from './previewTypes';

/** What a preview found; `partial` when the deadline stopped it before every post was checked. */
export interface PreviewOutcome {
  scanned: number;
  total: number;
  partial: boolean;
  changed: PreviewChange[];
}

const BOOT = new URL('./bootWorker.mjs', import.meta.url);
const ENTRY = new URL('./previewWorker.ts', import.meta.url).href;

/**
 * Threads a process runs previews on at once. Each preview takes a core for up to its deadline; managers of many
 * communities (each within their own rate limit) must not together take every core from the server and the workers.
 * Further previews wait their turn, and their deadline counts from the request, not from their start.
 */
export const MAX_PREVIEW_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Checks the job's posts in a worker; resolves at the end or at the deadline, whichever comes first. */
export async function runPreviewWorker(job: PreviewJob, options: { deadlineMs: number; onStarted?: () => void }): Promise<PreviewOutcome> {
  const deadlineAt = Date.now() + options.deadlineMs;
  if (running >= MAX_PREVIEW_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runInWorker(job, { ...options, deadlineMs: Math.max(0, deadlineAt - Date.now()) });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runInWorker(job: PreviewJob, options: { deadlineMs: number; onStarted?: () => void }): Promise<PreviewOutcome> {
  const outcome: PreviewOutcome = { scanned: 0, total: job.posts.length, partial: false, changed: [] };
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY, job } });
    let settled = false;
    const finish = (partial: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome.partial = partial;
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(true), options.deadlineMs);
    worker.on('message', (message: PreviewMessage) => {
      if (message.kind === 'started') options.onStarted?.();
      else if (message.kind === 'scanned') {
        outcome.scanned++;
        if (message.change) outcome.changed.push(message.change);
      } else finish(false);
    });
    worker.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    });
    // A worker that exits before `done` (killed, out of memory) still answers with what it found.
    worker.on('exit', () => finish(outcome.scanned < outcome.total));
  });
}
