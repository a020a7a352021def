// Processes that are not Socket.IO servers (workers) reach clients through the Redis emitter, on the same key.
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import type { BroadcastTarget } from './announce';
import { socketKey } from './socketServer';

/** A broadcast target that publishes through Redis to every server process's sockets. */
export function createEmitterTarget(redis: Redis, prefix: string): BroadcastTarget {
  const emitter = new Emitter(redis, { key: socketKey(prefix) });
  return { to: (rooms) => emitter.to(rooms) as unknown as ReturnType<BroadcastTarget['to']> };
}
