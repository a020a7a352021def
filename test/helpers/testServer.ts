// The whole of Rukun (HTTP, Socket.IO, flagging worker) on a free port, with its own database and Redis prefix.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/config';
import type { Clock } from '../../server/lib/clock';
import type { Logger } from '../../server/logger';
import { startRukun, type RunningRukun } from '../../server/runtime/startRukun';
import { freshDatabase } from './database';

export interface TestServer {
  baseUrl: string;
  rukun: RunningRukun;
  /** The Redis key prefix of this server (queues, rate limits, socket channels). */
  prefix: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  now?: Clock;
  /** Start the flagging worker in the same process (default) or serve HTTP only. */
  process?: Config['RUKUN_PROCESS'];
  databaseUrl?: string;
  prefix?: string;
  stalledIntervalMs?: number;
  sweepGraceMs?: number;
  /** The process logger (otherwise a silent one). */
  logger?: Logger;
}

/** Starts a full Rukun for one test file; rate limits are off unless the test turns them on. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.databaseUrl ? null : freshDatabase();
  // The copy's own client is only needed to create the file; the server opens its own connection.
  await database?.prisma.$disconnect();
  const prefix = options.prefix ?? `t${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl ?? database?.url ?? '',
    REDIS_URL: inject('redisUrl'),
    REDIS_AUTOSTART: 'false',
    LOG_LEVEL: 'silent',
    RUKUN_RATE_LIMITS: 'off',
    // A key of this server's own, so tests write no key file (server/lib/surveyPseudonym.ts).
    SURVEY_PSEUDONYM_KEY: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: prefix,
    RUKUN_PROCESS: options.process ?? 'all',
    SWEEP_INTERVAL_SECONDS: '1',
    ...options.env,
  });
  const rukun = await startRukun({
    config,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.stalledIntervalMs ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
    ...(options.sweepGraceMs !== undefined ? { sweepGraceMs: options.sweepGraceMs } : {}),
  });
  return {
    baseUrl: rukun.url ?? '',
    rukun,
    prefix,
    close: async () => {
      await rukun.close();
      await database?.close();
    },
  };
}
