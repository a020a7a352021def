// Runs the redis-server binary as a child process: for local development (ensureRedis) and for tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pingRedis } from './redisPing';

export interface RedisProcess {
  url: string;
  port: number;
  /** Shuts the server down (SIGTERM lets Redis flush its append-only file) and waits for it to exit. */
  stop: () => Promise<void>;
}

export interface RedisProcessOptions {
  port: number;
  /** Working directory: where an append-only file would go. */
  dir: string;
  /** Extra `--option value` arguments, e.g. persistence settings. */
  args?: string[];
  password?: string;
  startTimeoutMs?: number;
}

/** The absolute path of `redis-server` on PATH, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder; keep looking.
    }
  }
  return undefined;
}

/** Resolves when the child exits, at once if it already has. */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Polls PING until the server answers; fails early with its output if it exits (e.g. port taken). */
async function waitUntilUp(child: ChildProcess, url: string, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}:\n${output()}`);
    if (await pingRedis(url, 200)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer PING within ${timeoutMs} ms:\n${output()}`);
}

// redis-server has no "exit with the parent" option, so a shell keeps it on a leash: when its stdin pipe closes
// (stop() closed it, or this process ended in any way, even SIGKILL), the watcher sends Redis SIGTERM, which lets
// it flush its append-only file. The shell itself exits with Redis's exit code.
// fd 3 keeps the pipe because sh gives background jobs /dev/null as stdin.
const leash =
  'exec 3<&0; bin="$1"; shift; "$bin" "$@" 3<&- & pid=$!; (read -r _ <&3; kill -TERM "$pid" 2>/dev/null) & wait "$pid"';

/** Starts redis-server on 127.0.0.1:`port` and resolves once it answers PING. */
export async function startRedisProcess(options: RedisProcessOptions): Promise<RedisProcess> {
  const binary = findRedisServer();
  if (binary === undefined) throw new Error('redis-server is not on PATH');
  const auth = options.password === undefined ? [] : ['--requirepass', options.password];
  const args = ['--port', String(options.port), '--bind', '127.0.0.1', '--dir', options.dir, ...auth, ...(options.args ?? [])];
  const child = spawn('/bin/sh', ['-c', leash, 'sh', binary, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  // Keep the tail of the server's log for error messages only.
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async (): Promise<void> => {
    child.stdin?.end();
    await exited(child);
  };
  const password = options.password === undefined ? '' : `:${encodeURIComponent(options.password)}@`;
  const url = `redis://${password}127.0.0.1:${options.port}`;
  await waitUntilUp(child, url, () => log, options.startTimeoutMs ?? 10_000).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { url, port: options.port, stop };
}
