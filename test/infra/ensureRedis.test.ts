import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { ensureRedis } from '../../server/infra/ensureRedis';
import { pingRedis } from '../../server/infra/redisPing';
import { freePort } from '../helpers/freePort';
import { tempDir } from '../helpers/tempDir';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ensureRedis', () => {
  it('starts a private Redis when nothing answers on a local port, and stop() shuts it down', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const dataDir = tempDir();
    const messages: string[] = [];
    expect(await pingRedis(url)).toBe(false);

    const redis = await ensureRedis({ url, dataDir, logger: { info: (message) => messages.push(message) } });
    try {
      expect(redis.url).toBe(url);
      expect(await pingRedis(url)).toBe(true);
      expect(existsSync(join(dataDir, 'redis'))).toBe(true);
      expect(messages.join('\n')).toContain('Started a private redis-server');
    } finally {
      await redis.stop();
    }
    expect(await pingRedis(url)).toBe(false);
  });

  it('uses a Redis that already answers and leaves it running on stop()', async () => {
    const url = inject('redisUrl');
    const redis = await ensureRedis({ url, dataDir: tempDir() });
    expect(redis.url).toBe(url);
    await redis.stop();
    expect(await pingRedis(url)).toBe(true);
  });

  it('explains how to get Redis when the URL is not local', async () => {
    const attempt = ensureRedis({ url: 'redis://redis.invalid:6379', dataDir: tempDir() });
    await expect(attempt).rejects.toThrow(/apt-get install redis-server.*brew install redis.*docker compose up -d redis/);
  });

  it('explains how to get Redis when redis-server is not installed', async () => {
    vi.stubEnv('PATH', tempDir());
    const attempt = ensureRedis({ url: `redis://localhost:${await freePort()}`, dataDir: tempDir() });
    await expect(attempt).rejects.toThrow(/redis-server is not installed.*apt-get install redis-server/);
  });
});
