import { describe, expect, inject, it } from 'vitest';
import { pingRedis } from '../../server/infra/redisPing';
import { startRedisServer } from '../helpers/redisServer';

describe('test Redis', () => {
  it('the run-wide Redis answers and is not the machine one on 6379', async () => {
    const url = inject('redisUrl');
    expect(new URL(url).port).not.toBe('6379');
    expect(await pingRedis(url)).toBe(true);
  });

  it('can be stopped to simulate an outage and restarted on the same port', async () => {
    const redis = await startRedisServer();
    try {
      expect(await pingRedis(redis.url)).toBe(true);
      await redis.stop();
      expect(await pingRedis(redis.url)).toBe(false);
      await redis.restart();
      expect(await pingRedis(redis.url)).toBe(true);
    } finally {
      await redis.dispose();
    }
    expect(await pingRedis(redis.url)).toBe(false);
  });
});
