// One Redis and one migrated template database for the whole run, handed to test files through provide/inject.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startRedisServer, type TestRedisServer } from './helpers/redisServer';
import { buildTemplateDatabase } from './helpers/templateDatabase';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's private Redis; use a unique key or queue prefix per test file. */
    redisUrl: string;
    /** A migrated SQLite file to copy from (see freshDatabase); never open it directly. */
    templateDatabasePath: string;
  }
}

/** Starts the shared services and returns the teardown that stops them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [redis, template] = await Promise.allSettled([startRedisServer(), buildTemplateDatabase()]);
  if (redis.status === 'fulfilled' && template.status === 'fulfilled') {
    return provideServices(project, redis.value, template.value);
  }
  // Do not leave one service behind when the other failed to start.
  if (redis.status === 'fulfilled') await redis.value.dispose();
  if (template.status === 'fulfilled') rmSync(template.value.dir, { recursive: true, force: true });
  const [failure] = [redis, template].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  throw failure;
}

/** Hands the services to test files and builds the teardown. */
function provideServices(
  project: TestProject,
  redis: TestRedisServer,
  template: { dir: string; path: string },
): () => Promise<void> {
  project.provide('redisUrl', redis.url);
  project.provide('templateDatabasePath', template.path);
  return async () => {
    await redis.dispose();
    rmSync(template.dir, { recursive: true, force: true });
  };
}
