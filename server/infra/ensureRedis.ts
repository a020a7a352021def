// Development convenience: use the Redis at REDIS_URL, or start a private one when none answers and we can.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pingRedis } from './redisPing';
import { findRedisServer, startRedisProcess } from './redisProcess';

export interface EnsureRedisLogger {
  info: (message: string) => void;
}

export interface EnsuredRedis {
  url: string;
  /** Stops the Redis this call started; does nothing for one that was already running. */
  stop: () => Promise<void>;
}

const localHosts = new Set(['localhost', '127.0.0.1']);

const howToGetRedis =
  'Install Redis (`apt-get install redis-server` or `brew install redis`) or start one with ' +
  '`docker compose up -d redis`, then set REDIS_URL if it is not redis://localhost:6379.';

/** Returns a Redis that answers at `url`, starting a private redis-server for a local URL when none does. */
export async function ensureRedis(options: { url: string; dataDir: string; logger?: EnsureRedisLogger }): Promise<EnsuredRedis> {
  if (await pingRedis(options.url)) return { url: options.url, stop: async () => undefined };
  const parsed = new URL(options.url);
  if (!localHosts.has(parsed.hostname)) {
    throw new Error(`Redis at ${parsed.host} does not answer, and it is not local so Rukun cannot start it. ${howToGetRedis}`);
  }
  if (findRedisServer() === undefined) {
    throw new Error(`No Redis answers at ${parsed.host} and redis-server is not installed. ${howToGetRedis}`);
  }
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const dir = join(options.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const started = await startRedisProcess({
    port,
    dir,
    password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
    // Queues must survive a restart (append-only file, no RDB snapshots) and BullMQ needs keys never evicted.
    args: ['--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
  });
  options.logger?.info(`Started a private redis-server on 127.0.0.1:${port} with data in ${dir}`);
  // Keep the caller's URL: it may carry a database number or options the started server honours as well.
  return { url: options.url, stop: started.stop };
}
