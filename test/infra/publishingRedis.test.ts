// The connection Socket.IO publishes broadcasts on: batched per tick, and a broadcast still queued when the process
// closes the connection must not become an unhandled rejection (it crashed an exiting worker in bench:pipeline).
import { describe, expect, inject, it } from 'vitest';
import { createPublishingRedis, waitUntilReady } from '../../server/runtime/redisConnections';

describe('the publishing Redis connection', () => {
  it('delivers publishes issued in the same tick', async () => {
    const url = inject('redisUrl');
    const publisher = createPublishingRedis(url);
    const subscriber = createPublishingRedis(url);
    try {
      await Promise.all([waitUntilReady(publisher), waitUntilReady(subscriber)]);
      const heard: string[] = [];
      await subscriber.subscribe('rukun-publishing-test');
      subscriber.on('message', (_channel, message: string) => heard.push(message));
      const receivers = await Promise.all(['a', 'b', 'c'].map((m) => publisher.publish('rukun-publishing-test', m)));
      expect(receivers).toEqual([1, 1, 1]);
      await expect.poll(() => heard).toEqual(['a', 'b', 'c']);
    } finally {
      publisher.disconnect();
      subscriber.disconnect();
    }
  });

  it('lets a publish fail quietly when the connection closes before it was sent', async () => {
    const publisher = createPublishingRedis(inject('redisUrl'));
    await waitUntilReady(publisher);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // As the adapter does: nobody handles the reply.
      void publisher.publish('rukun-publishing-test', 'late');
      publisher.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
