// Posts created by requests in the same turn of the server's event loop are checked by one `check-batch` job. Every
// post must still be queued exactly once, checked once, and announced once, including when a batch runs twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import type { Job } from 'bullmq';
import { FLAG_JOB_NAMES, flagJobId, postsOfFlagJob, type FlagJob } from '../../server/contracts/jobs';
import type { SqlLane } from '../../server/db/sqlLane';
import { createFlagPostProcessor } from '../../workers/processors/flagPost';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, type TestUser } from '../helpers/factories';
import { createPostsTogether } from '../helpers/postsTogether';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectLiveClient, type LiveClient } from '../reliability/support/liveClient';
import { distinctWord } from '../reliability/support/text';
import { waitUntil } from '../reliability/support/waitUntil';

describe('checks of posts created at the same moment', () => {
  let server: TestServer;
  let worker: TestServer | undefined;
  let api: ApiClient;
  let owner: TestUser;
  let member: TestUser;
  let slug: string;
  let memberLive: LiveClient;
  let ownerLive: LiveClient;

  beforeAll(async () => {
    // HTTP only: jobs wait in Redis until the test starts a worker, so the test can read what was queued.
    server = await startTestServer({ process: 'server' });
    api = apiClient(server.baseUrl);
    [owner, member] = await Promise.all([createUser(api), createUser(api)]);
    slug = (await createCommunity(api, owner)).slug;
    await join(api, member, slug);
    memberLive = await connectLiveClient(server.baseUrl, member.token, slug);
    ownerLive = await connectLiveClient(server.baseUrl, owner.token, slug);
  });
  afterAll(async () => {
    memberLive?.close();
    ownerLive?.close();
    await worker?.close();
    await server?.close();
  });

  it('queues each post once, those committed together in one job, and applies and announces each outcome once', async () => {
    const bodies = [
      ...Array.from({ length: 10 }, () => `Kabar warga ${distinctWord()} untuk semua`),
      `Dasar bangsat kamu ${distinctWord()}`,
      `Anjing lo ${distinctWord()}`,
    ];
    // Committed together, as requests in one turn of the event loop are; and a few real concurrent requests, which
    // may or may not share a turn: either way each post is queued exactly once.
    const together = await createPostsTogether(server.rukun.deps, slug, bodies.map((body) => ({ userId: member.id, body })));
    const overHttp: Post[] = await Promise.all(Array.from({ length: 4 }, () => createPost(api, member, slug, { body: `Balai warga ${distinctWord()} dibuka` })));
    const ids = [...together, ...overHttp.map((p) => p.id)];
    const heldIds = together.slice(10);
    const publishedIds = ids.filter((id) => !heldIds.includes(id));

    const queue = server.rukun.deps.queues.flagging;
    // The enqueue step stops waiting for Redis after a second; the adds themselves always land.
    const waiting = await waitUntil('every post to be queued', async () => {
      const jobs = await queue.getWaiting();
      return jobs.flatMap((job) => postsOfFlagJob(job.data)).length >= ids.length ? jobs : undefined;
    });
    const queued = waiting.flatMap((job) => postsOfFlagJob(job.data).map((p) => p.postId));
    expect(queued.sort()).toEqual([...ids].sort());
    const batch = waiting.find((job) => job.name === FLAG_JOB_NAMES.batch && postsOfFlagJob(job.data).some((p) => p.postId === together[0]));
    expect(batch && postsOfFlagJob(batch.data).map((p) => p.postId)).toEqual(together);

    // The same batch once more, as a lost dedupe or a manual re-run would: the worker must change and announce nothing twice.
    await queue.add(FLAG_JOB_NAMES.batch, { posts: ids.map((postId) => ({ postId, revision: 1 })) });

    const { DATABASE_URL } = server.rukun.deps.config;
    worker = await startTestServer({ process: 'worker', databaseUrl: DATABASE_URL, prefix: server.prefix });
    await waitUntil('every job to finish', async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      return Object.values(counts).every((n) => n === 0) ? true : undefined;
    });

    const db = server.rukun.deps.db;
    const rows = await db.post.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.checkedRevision === 1)).toBe(true);
    expect(rows.filter((r) => r.status === 'published').map((r) => r.id).sort()).toEqual([...publishedIds].sort());
    expect(rows.filter((r) => r.status === 'pending').map((r) => r.id).sort()).toEqual([...heldIds].sort());
    const items = await db.moderationItem.findMany({ where: { postId: { in: ids } }, include: { reasons: true } });
    expect(items.map((i) => i.postId).sort()).toEqual([...heldIds].sort());
    for (const item of items) {
      const reasons = item.reasons.map((r) => `${r.source}:${r.match}`);
      expect(new Set(reasons).size).toBe(reasons.length);
    }
    const notifications = await db.notification.findMany({ where: { userId: member.id, kind: 'post_held' } });
    for (const id of heldIds) expect(notifications.filter((n) => n.data.includes(id))).toHaveLength(1);

    await memberLive.waitFor('post:published', publishedIds);
    await ownerLive.waitFor('queue:item_opened', heldIds);
    // Something announced after all of them: whatever either job announced has been heard by then.
    const sentinel = await createPost(api, owner, slug, { body: `Penanda ${distinctWord()}` });
    await memberLive.waitFor('post:published', [sentinel.id]);
    for (const id of publishedIds) expect(memberLive.count('post:published', id)).toBe(1);
    for (const id of heldIds) {
      expect(memberLive.count('post:published', id)).toBe(0);
      expect(ownerLive.count('queue:item_opened', id)).toBe(1);
    }
  }, 60_000);

  it('retries a post whose check failed inside a batch on its own, without re-running the rest', async () => {
    // The worker started above waits while this test runs the batch itself.
    const flagging = worker?.rukun.workers?.flagging;
    if (!flagging) throw new Error('the worker of the previous test is not running');
    await flagging.pause();
    const ids = await createPostsTogether(
      server.rukun.deps,
      slug,
      Array.from({ length: 4 }, () => ({ userId: member.id, body: `Kabar kerja bakti ${distinctWord()}` })),
    );
    const queue = server.rukun.deps.queues.flagging;
    // Run the batch here instead of in the worker, with one of its transactions failing (a disk error, say).
    const batch = await waitUntil('the batch to be queued', async () => (await queue.getWaiting()).find((job) => postsOfFlagJob(job.data).some((p) => p.postId === ids[0])));
    await batch.remove();
    let writes = 0;
    const { sql } = server.rukun.deps;
    const failingOnce: SqlLane = { read: (work) => sql.read(work), write: (work) => (++writes === 2 ? Promise.reject(new Error('disk I/O error')) : sql.write(work)) };
    const runBatch = createFlagPostProcessor({ ...server.rukun.deps, sql: failingOnce });
    const results = (await runBatch({ data: batch.data, attemptsStarted: 1 } as Job<FlagJob>)).split(',');
    expect(results.filter((r) => r === 'requeued')).toHaveLength(1);
    expect(results.filter((r) => r === 'publish')).toHaveLength(3);
    const failed = ids[results.indexOf('requeued')] as string;

    // The others are published; the failed one waits for its own job, which the worker then checks.
    const rows = await server.rukun.deps.db.post.findMany({ where: { id: { in: ids } } });
    expect(rows.filter((r) => r.status === 'published').map((r) => r.id).sort()).toEqual(ids.filter((id) => id !== failed).sort());
    expect(rows.find((r) => r.id === failed)?.checkedRevision).toBe(0);
    flagging.resume();
    await waitUntil('the failed post to be checked on its own', async () => ((await queue.getJobState(flagJobId({ postId: failed, revision: 1 }))) === 'completed' ? true : undefined));
    await memberLive.waitFor('post:published', ids);
    const sentinel = await createPost(api, owner, slug, { body: `Penanda ${distinctWord()}` });
    await memberLive.waitFor('post:published', [sentinel.id]);
    for (const id of ids) expect(memberLive.count('post:published', id)).toBe(1);
  }, 60_000);
});
