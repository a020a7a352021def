// The Redis connections of one process, each with the retry behaviour its job needs.
import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';

/** For HTTP-path commands (rate limits, enqueue, readiness): fail fast instead of queueing while Redis is down. */
export function createFailFastRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}

/** For BullMQ workers and Socket.IO pub/sub: keep retrying across outages. */
export function createPatientRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * For publishing Socket.IO broadcasts (the adapter's or the emitter's connection): patient, and every PUBLISH of one
 * tick goes out in one write. A published post is two or more broadcasts, each its own write (a system call) without
 * this: 5-7% of the app's CPU under load in bench:pipeline's profile.
 */
export function createPublishingRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableAutoPipelining: true });
  // Socket.IO's adapter and emitter publish without handling the reply. A broadcast still queued when the process
  // closes the connection at shutdown fails with "Connection is closed", and unhandled that rejection would crash
  // the exiting process. Clients catch up when they reconnect; while Redis is merely down, the command waits.
  const publish = redis.publish.bind(redis) as (...args: unknown[]) => Promise<number>;
  Object.assign(redis, {
    publish: (...args: unknown[]) => {
      const sent = publish(...args);
      sent.catch(() => undefined);
      return sent;
    },
  });
  return redis;
}

/**
 * Logs connection errors through the process logger, once per outage: ioredis emits one per reconnect attempt and,
 * with no listener, prints each to stderr as an "Unhandled error event" (the Socket.IO adapter adds a warning).
 */
export function logRedisErrors(clients: Redis[], logger: Pick<Logger, 'warn' | 'info'>): void {
  clients.forEach((client, connection) => {
    let down = false;
    client.on('error', (err: Error) => {
      if (down) return;
      down = true;
      logger.warn({ err, connection }, 'Redis connection lost; retrying');
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      logger.info({ connection }, 'Redis connection restored');
    });
  });
}

/** Resolves when the connection is ready, or rejects after `timeoutMs`. */
export async function waitUntilReady(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  const timeout = AbortSignal.timeout(timeoutMs);
  await once(redis, 'ready', { signal: timeout });
}

/** Closes connections quietly: QUIT when connected, disconnect otherwise. */
export async function closeRedis(...clients: Redis[]): Promise<void> {
  await Promise.all(
    clients.map(async (c) => {
      try {
        if (c.status === 'ready') await c.quit();
        else c.disconnect();
      } catch {
        c.disconnect();
      }
    }),
  );
}
