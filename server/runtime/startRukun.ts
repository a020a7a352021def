// Boots Rukun in one process: the HTTP server with Socket.IO, the workers, or both (the SQLite default keeps
// one writing process). Returns a close() that shuts down in order: stop taking requests, finish in-flight
// ones, finish active jobs, then close sockets, queues, Redis and the database.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { createDatabase } from '../db/client';
import { isSqliteBusy } from '../db/errors';
import { applyMigrations, unfinishedMigrations } from '../db/migrations';
import type { Deps } from '../deps';
import { systemClock, type Clock } from '../lib/clock';
import { createLogger, type Logger } from '../logger';
import { createMetrics } from '../metrics';
import { createAnnouncer, type BroadcastTarget } from '../realtime/announce';
import { createEmitterTarget } from '../realtime/emitterTarget';
import { attachSocketServer, socketTarget, type RukunServer } from '../realtime/socketServer';
import express from 'express';
import { createApp } from '../app';
import { mountOpsRoutes } from '../routes/ops/opsRoutes';
import { errorHandler } from '../middlewares/errorHandler';
import { applyListedAdmins, type AdminChange } from '../commands/instanceAdmins';
import { createEnqueue, createQueues } from '../../workers/queues';
import { startWorkers, type RunningWorkers } from '../../workers/startWorkers';
import { closeRedis, createFailFastRedis, createPatientRedis, createPublishingRedis, logRedisErrors, waitUntilReady } from './redisConnections';

export interface StartOptions {
  config: Config;
  logger?: Logger;
  now?: Clock;
  /** Apply pending migrations first (npm start does; tests use a migrated copy). */
  migrate?: boolean;
  /** Shorter stalled-job detection, for tests that kill a worker. */
  stalledIntervalMs?: number;
  /** Shorter job locks, so a killed worker's job counts as stalled sooner (BullMQ's default is 30 s). */
  lockDurationMs?: number;
  sweepGraceMs?: number;
}

export interface RunningRukun {
  /** http://host:port when this process serves HTTP. */
  url: string | null;
  /** http://host:port of a worker-only process's ops endpoints (WORKER_OPS_PORT), or null. */
  opsUrl: string | null;
  deps: Deps;
  io: RukunServer | null;
  workers: RunningWorkers | null;
  close(): Promise<void>;
}

/** Starts the parts of Rukun that config.RUKUN_PROCESS names. */
export async function startRukun(options: StartOptions): Promise<RunningRukun> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const serves = config.RUKUN_PROCESS !== 'worker';
  const works = config.RUKUN_PROCESS !== 'server';
  if (options.migrate) {
    const { applied } = await applyMigrations({ url: config.DATABASE_URL });
    if (applied.length) logger.info({ applied }, 'applied database migrations');
  }
  // A worker-only process started beside `npm run server` must not hold the database open while the server
  // migrates: the schema engine needs it to itself.
  if (config.RUKUN_PROCESS === 'worker') await waitForMigrations(config.DATABASE_URL, logger);
  const database = createDatabase({ url: config.DATABASE_URL, onCheckpointError: (message) => logger.warn({ message }, 'WAL checkpoint failed') });
  const redis = createFailFastRedis(config.REDIS_URL);
  const producer = createFailFastRedis(config.REDIS_URL);
  await Promise.all([waitUntilReady(redis), waitUntilReady(producer)]);
  const queues = createQueues({ connection: producer, prefix: config.QUEUE_PREFIX, mail: { attempts: config.MAIL_JOB_ATTEMPTS, backoffMs: config.MAIL_BACKOFF_MS } });
  const metrics = createMetrics({
    collectQueueDepths: async () => ({
      flagging: await queues.flagging.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      events: await queues.events.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      surveys: await queues.surveys.getJobCounts('waiting', 'active', 'delayed', 'failed'),
      mail: await queues.mail.getJobCounts('waiting', 'active', 'delayed', 'failed'),
    }),
  });
  // [publish, subscribe] for Socket.IO's adapter (server) or emitter (worker).
  const patient = [createPublishingRedis(config.REDIS_URL), createPatientRedis(config.REDIS_URL)] as const;
  let target: BroadcastTarget | null = null;
  const deps: Deps = {
    config,
    db: database.prisma,
    sql: database.sql,
    redis,
    queues,
    enqueue: createEnqueue({ queues, logger, gatherMs: config.FLAG_GATHER_MS }),
    announce: (events) => announce(events),
    logger,
    metrics,
    now: options.now ?? systemClock,
  };
  let httpServer: HttpServer | null = null;
  let io: RukunServer | null = null;
  let url: string | null = null;
  let opsUrl: string | null = null;
  if (serves) {
    // Before the first request: the dashboard must already agree with RUKUN_ADMINS.
    logAdminChanges(logger, await applyListedAdmins({ db: deps.db }, config.RUKUN_ADMINS));
    httpServer = createServer(createApp(deps));
    io = attachSocketServer({ httpServer, deps, pub: patient[0], sub: patient[1] });
    target = socketTarget(io);
    url = await listen(httpServer, config.PORT, config.HOST);
  } else {
    target = createEmitterTarget(patient[0], config.QUEUE_PREFIX);
    if (config.WORKER_OPS_PORT !== undefined) {
      // Probes and Prometheus reach a worker-only process here; it takes no API requests.
      const ops = express();
      ops.disable('x-powered-by');
      ops.set('trust proxy', config.TRUST_PROXY);
      mountOpsRoutes(ops, deps);
      // /metrics refuses callers through AppErrors; they become the contract's JSON here as on the main app.
      ops.use(errorHandler(logger));
      httpServer = createServer(ops);
      opsUrl = await listen(httpServer, config.WORKER_OPS_PORT, config.HOST);
    }
  }
  const announce = createAnnouncer({ db: deps.db, sql: deps.sql, target, logger, now: deps.now });
  const workerRedis = works ? createPatientRedis(config.REDIS_URL) : null;
  logRedisErrors([redis, producer, ...patient, ...(workerRedis ? [workerRedis] : [])], logger);
  // The producer's connection errors are logged just above; without a listener BullMQ prints each to stderr.
  queues.flagging.on('error', (err) => logger.debug({ err }, 'flagging queue error'));
  queues.events.on('error', (err) => logger.debug({ err }, 'events queue error'));
  queues.surveys.on('error', (err) => logger.debug({ err }, 'surveys queue error'));
  queues.mail.on('error', (err) => logger.debug({ err }, 'mail queue error'));
  const workers = workerRedis
    ? startWorkers(deps, {
        connection: workerRedis,
        ...(options.stalledIntervalMs ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
        ...(options.lockDurationMs ? { lockDurationMs: options.lockDurationMs } : {}),
        ...(options.sweepGraceMs !== undefined ? { sweepGraceMs: options.sweepGraceMs } : {}),
      })
    : null;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      if (httpServer) {
        const stopped = new Promise<void>((resolve) => httpServer?.close(() => resolve()));
        httpServer.closeIdleConnections();
        // Long-lived sockets would hold the server open; in-flight HTTP requests are allowed to finish.
        io?.disconnectSockets(true);
        await stopped;
      }
      await workers?.close();
      if (io) await new Promise<void>((resolve) => io?.close(() => resolve()));
      await queues.close();
      await closeRedis(redis, producer, ...patient, ...(workerRedis ? [workerRedis] : []));
      await database.close();
    })());
  return { url, opsUrl, deps, io, workers, close };
}

/** Logs what RUKUN_ADMINS changed: every grant and revocation, and listed handles that have no account. */
function logAdminChanges(logger: Logger, changes: AdminChange[]): void {
  for (const change of changes) {
    if (change.outcome === 'unknown_handle') logger.warn({ handle: change.handle }, 'RUKUN_ADMINS names a handle without an account; nothing granted');
    else if (change.outcome !== 'unchanged') logger.info({ handle: change.handle, userId: change.userId, by: 'RUKUN_ADMINS' }, `instance admin ${change.outcome}`);
  }
}

/** Resolves once the database has every migration of the folder, polling, and says once that it is waiting. */
async function waitForMigrations(url: string, logger: Logger): Promise<void> {
  let lastSaid = 0;
  for (;;) {
    let pending: string[];
    try {
      pending = await unfinishedMigrations({ url });
    } catch (err) {
      // The schema engine holds the database while it migrates: ask again.
      if (!isSqliteBusy(err)) throw err;
      pending = ['(the database is being migrated)'];
    }
    if (pending.length === 0) return;
    if (Date.now() - lastSaid >= 30_000) {
      logger.info({ pending }, 'waiting for the server process (npm run server) to apply database migrations');
      lastSaid = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Listens on host:port and returns the URL to reach it (127.0.0.1 for the wildcard host). */
async function listen(server: HttpServer, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
}
