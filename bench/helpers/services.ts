// The services a benchmark needs, started without vitest: a private Redis on a free port and a migrated SQLite file,
// both in a temporary folder that is removed afterwards. Nothing here touches the machine's own Redis or data.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../../server/db/migrations';
import { startRedisProcess, type RedisProcess } from '../../server/infra/redisProcess';

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port === 0 ? reject(new Error('no port assigned')) : resolve(port)));
    });
  });
}

export interface BenchServices {
  dir: string;
  redis: RedisProcess;
  /** A migrated, empty database file. */
  databaseUrl: string;
  databasePath: string;
  dispose(): Promise<void>;
}

/**
 * Starts redis-server (no persistence, noeviction as BullMQ requires) and migrates a fresh database, from
 * `migrationsDir` when the app under test is another checkout with migrations of its own.
 */
export async function startBenchServices(options: { migrationsDir?: string } = {}): Promise<BenchServices> {
  const dir = mkdtempSync(join(tmpdir(), 'rukun-bench-'));
  const databasePath = join(dir, 'bench.db');
  const databaseUrl = `file:${databasePath}`;
  const [redis] = await Promise.all([
    freePort().then((port) => startRedisProcess({ port, dir, args: ['--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'] })),
    applyMigrations({ url: databaseUrl, ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}) }),
  ]);
  return {
    dir,
    redis,
    databaseUrl,
    databasePath,
    dispose: async () => {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
