// Starts fixtures/stallingWorker.ts as a child process and follows what it reports over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../fixtures/stallingWorker.ts', import.meta.url));

export type StallAt = 'none' | 'before-commit' | 'after-commit';

export interface WorkerProcess {
  /** Post ids of the jobs this process has taken, in order. */
  active: string[];
  stalls: number;
  /** Resolves once `test` holds on what the child reported; rejects if the child exits first or after `timeoutMs`. */
  until(what: string, test: () => boolean, timeoutMs?: number): Promise<void>;
  /** SIGKILL: no shutdown hook, no lock release, no COMMIT. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown that finishes active jobs; SIGKILL after 5 s (a stalled job never finishes). */
  stop(): Promise<void>;
}

/** Forks a worker on the given database, Redis and queue prefix and waits until it is taking jobs. */
export async function startWorkerProcess(options: { databaseUrl: string; redisUrl: string; prefix: string; stallAt: StallAt; stalledIntervalMs?: number; sweepGraceMs?: number; sweepIntervalSeconds?: number; env?: Record<string, string> }): Promise<WorkerProcess> {
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: options.prefix,
      STALL_AT: options.stallAt,
      STALLED_INTERVAL_MS: String(options.stalledIntervalMs ?? 500),
      ...(options.sweepGraceMs !== undefined ? { SWEEP_GRACE_MS: String(options.sweepGraceMs) } : {}),
      ...(options.sweepIntervalSeconds !== undefined ? { SWEEP_INTERVAL_SECONDS: String(options.sweepIntervalSeconds) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const state = { ready: false, exited: false, active: [] as string[], stalls: 0 };
  const listeners = new Set<() => void>();
  const wake = () => {
    for (const listener of listeners) listener();
  };
  child.on('message', (message: { type: string; postId?: string; count?: number }) => {
    if (message.type === 'ready') state.ready = true;
    if (message.type === 'active' && message.postId) state.active.push(message.postId);
    if (message.type === 'stalled' && message.count !== undefined) state.stalls = message.count;
    wake();
  });
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      state.exited = true;
      wake();
      resolve();
    });
  });

  const until = (what: string, test: () => boolean, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (test()) finish(() => resolve());
        else if (state.exited) finish(() => reject(new Error(`worker exited before ${what}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const worker: WorkerProcess = {
    get active() {
      return state.active;
    },
    get stalls() {
      return state.stalls;
    },
    until,
    async kill() {
      if (!state.exited) child.kill('SIGKILL');
      await exit;
    },
    async stop() {
      if (state.exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
    },
  };
  try {
    await until('the worker to be ready', () => state.ready, 20_000);
  } catch (err) {
    await worker.kill();
    throw err;
  }
  return worker;
}
