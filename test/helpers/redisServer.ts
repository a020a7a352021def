// A private, throwaway Redis for tests: never the machine's Redis at 6379, nothing started by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisProcess, type RedisProcess } from '../../server/infra/redisProcess';
import { freePort } from './freePort';

export interface TestRedisServer {
  url: string;
  port: number;
  /** Stops the server, e.g. to simulate an outage; safe to call twice. */
  stop: () => Promise<void>;
  /** Starts it again on the same port (empty, as there is no persistence). */
  restart: () => Promise<void>;
  /** Stops it and removes its folder. */
  dispose: () => Promise<void>;
}

// No persistence (nothing to clean up, fast) and noeviction, which BullMQ needs for correctness.
const testArgs = ['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'];

/** Starts the Debian redis-server on a free port in a temporary folder and waits until it answers PING. */
export async function startRedisServer(): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'rukun-redis-'));
  let running: RedisProcess | undefined = await startRedisProcess({ port, dir, args: testArgs });
  const url = running.url;
  const stop = async (): Promise<void> => {
    const current = running;
    running = undefined;
    await current?.stop();
  };
  const restart = async (): Promise<void> => {
    await stop();
    running = await startRedisProcess({ port, dir, args: testArgs });
  };
  const dispose = async (): Promise<void> => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, port, stop, restart, dispose };
}
