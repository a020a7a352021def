// Everything a request handler or processor may depend on, built once at boot (or per test) and passed in.
import type { Redis } from 'ioredis';
import type { Config } from './config';
import type { Db } from './db/client';
import type { SqlLane } from './db/sqlLane';
import type { Logger } from './logger';
import type { Clock } from './lib/clock';
import type { Announce } from './realtime/announce';
import type { Enqueue, Queues } from '../workers/queues';
import type { Metrics } from './metrics';
import type { DomainEvent, JobRequest } from './commands/outcome';

export interface Deps {
  config: Config;
  db: Db;
  /** Hand-written SQL on Prisma's connection, for the statements on every post's path (server/db/sqlLane.ts). */
  sql: SqlLane;
  /** General-purpose connection: rate limits, readiness. Fails fast instead of queueing when Redis is down. */
  redis: Redis;
  queues: Queues;
  enqueue: Enqueue;
  announce: Announce;
  logger: Logger;
  metrics: Metrics;
  now: Clock;
}

/** Runs what a committed command caused: its jobs first (so workers start), then its announcements. */
export async function afterCommit(
  deps: Pick<Deps, 'enqueue' | 'announce'>,
  outcome: { events: DomainEvent[]; jobs: JobRequest[] },
): Promise<void> {
  if (outcome.jobs.length) await deps.enqueue(outcome.jobs);
  if (outcome.events.length) await deps.announce(outcome.events);
}
