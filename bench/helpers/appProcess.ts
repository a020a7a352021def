// Runs Rukun the way production does (`server/index.ts` through tsx) as child processes, so the benchmark's load
// generator and the app do not share one event loop. Optionally under `--cpu-prof` for profiling.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './services';

const ownRoot = fileURLToPath(new URL('../..', import.meta.url));
const sqlTrace = fileURLToPath(new URL('./sqlTrace.ts', import.meta.url));

export interface AppOptions {
  databaseUrl: string;
  redisUrl: string;
  /** `all`: HTTP, Socket.IO and the worker in one process (the SQLite default); `split`: a server and a worker process. */
  layout: 'all' | 'split';
  /** Write V8 CPU profiles of every app process into this folder. */
  cpuProfileDir?: string;
  /** Count the SQL statements each app process prepares into `<dir>/<role>.json` (see sqlTrace.ts). */
  sqlTraceDir?: string;
  env?: Record<string, string>;
  /** Run the app from another checkout (with its own node_modules), e.g. a baseline to compare with. */
  appRoot?: string;
}

export interface RunningApp {
  baseUrl: string;
  /** Process ids of the app processes, in start order (all, or server then worker). */
  pids: number[];
  stop(): Promise<void>;
}

function startOne(role: 'all' | 'server' | 'worker', options: AppOptions, port: number): ChildProcess {
  // Default file names (pid and thread id): tsx's loader runs in a worker thread that writes a profile of its own.
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(options.cpuProfileDir, role)}`] : [];
  const trace = options.sqlTraceDir ? ['--import', sqlTrace] : [];
  const root = options.appRoot ?? ownRoot;
  return spawn(process.execPath, [...profile, '--import', 'tsx', ...trace, join(root, 'server/index.ts'), `--process=${role}`], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      REDIS_AUTOSTART: 'false',
      RUKUN_RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: 'bench',
      ...(options.sqlTraceDir ? { SQL_TRACE_FILE: join(options.sqlTraceDir, `${role}.json`) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function waitReady(baseUrl: string, children: ChildProcess[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dead = children.find((c) => c.exitCode !== null);
    if (dead) throw new Error(`app process exited with code ${dead.exitCode} during start-up`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`app at ${baseUrl} not ready within ${timeoutMs} ms`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the app and resolves when /readyz answers 200. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const port = await freePort();
  const children =
    options.layout === 'all'
      ? [startOne('all', options, port)]
      : [startOne('server', options, port), startOne('worker', options, 0)];
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    // SIGTERM runs the graceful shutdown, which also lets --cpu-prof write its profile on exit.
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
  };
  try {
    await waitReady(baseUrl, children);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, pids: children.map((c) => c.pid ?? 0), stop };
}
