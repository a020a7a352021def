// A worker process dies (SIGKILL) in the middle of a flagging job. BullMQ notices the stalled job and another worker
// retries it; the post's outcome must be applied once: published once, the parent's replyCount bumped once, one
// moderation item with one set of reasons and one notification for a held post. A duplicate enqueue of the same
// (post, revision) must be processed once as well.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { FLAG_JOB_NAMES, flagJobId, postsOfFlagJob } from '../../server/contracts/jobs';
import { enqueueFlag } from '../../workers/queues';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, type TestUser } from '../helpers/factories';
import { createPostsTogether } from '../helpers/postsTogether';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectLiveClient, type LiveClient } from './support/liveClient';
import { distinctWord } from './support/text';
import { waitUntil } from './support/waitUntil';
import { startWorkerProcess, type StallAt, type WorkerProcess } from './support/workerProcess';

describe('a worker killed in the middle of a job', () => {
  let server: TestServer;
  let api: ApiClient;
  let owner: TestUser;
  let member: TestUser;
  let slug: string;
  let parent: Post;
  let memberLive: LiveClient;
  let ownerLive: LiveClient;
  const workers: WorkerProcess[] = [];

  const spawnWorker = async (stallAt: StallAt, sweeper: { sweepGraceMs?: number; sweepIntervalSeconds?: number } = {}): Promise<WorkerProcess> => {
    const { DATABASE_URL, REDIS_URL } = server.rukun.deps.config;
    const worker = await startWorkerProcess({ databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, prefix: server.prefix, stallAt, ...sweeper });
    workers.push(worker);
    return worker;
  };
  const db = () => server.rukun.deps.db;
  const jobOf = (postId: string) => server.rukun.deps.queues.flagging.getJob(flagJobId({ postId, revision: 1 }));

  /** Waits until a flagging job has completed and returns what the processor returned and how often it started. */
  const completed = (jobId: string) =>
    waitUntil(`job ${jobId} to complete`, async () => {
      const queue = server.rukun.deps.queues.flagging;
      // State first, then the hash: a job read before it finished would carry no return value yet.
      if ((await queue.getJobState(jobId)) !== 'completed') return undefined;
      const job = await queue.getJob(jobId);
      return job ? { result: job.returnvalue as string, attemptsStarted: job.attemptsStarted } : undefined;
    });

  /** Pushes one more post through and waits for it: anything announced before it has been heard by then. */
  const flushAnnouncements = async () => {
    const sentinel = await createPost(api, owner, slug, { body: `Penanda ${distinctWord()}` });
    await memberLive.waitFor('post:published', [sentinel.id]);
  };

  beforeAll(async () => {
    // HTTP only in this process: every job runs in a child worker process that the test can kill.
    server = await startTestServer({ process: 'server' });
    api = apiClient(server.baseUrl);
    owner = await createUser(api);
    member = await createUser(api);
    slug = (await createCommunity(api, owner)).slug;
    await join(api, member, slug);
    memberLive = await connectLiveClient(server.baseUrl, member.token, slug);
    ownerLive = await connectLiveClient(server.baseUrl, owner.token, slug);
    parent = await createPost(api, owner, slug, { body: 'Utas untuk balasan' });
    const helper = await spawnWorker('none');
    await memberLive.waitFor('post:published', [parent.id]);
    await helper.stop();
  }, 60_000);

  // Each test starts its own workers; none may outlive it and take the next test's jobs.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    memberLive?.close();
    ownerLive?.close();
    await server?.close();
  });

  /** Creates a clean post, a reply and a post the checker holds, while no worker runs. */
  async function writePosts(tag: string) {
    const clean = await createPost(api, member, slug, { body: `Kabar baik dari ${tag} ${distinctWord()} #kumpul` });
    const reply = await createPost(api, member, slug, { body: `Setuju, ${tag} ${distinctWord()}`, parentId: parent.id });
    const held = await createPost(api, member, slug, { body: `Dasar bangsat kamu ${tag} ${distinctWord()}` });
    return { clean, reply, held, ids: [clean.id, reply.id, held.id] };
  }

  /** The state that must exist exactly once, whatever happened to the jobs. */
  async function expectAppliedOnce(posts: { clean: Post; reply: Post; held: Post; ids: string[] }, replyCountBefore: number) {
    const rows = await db().post.findMany({ where: { id: { in: posts.ids } } });
    for (const row of rows) expect(row.checkedRevision, `checkedRevision of ${row.id}`).toBe(row.revision);
    expect(rows.find((r) => r.id === posts.clean.id)?.status).toBe('published');
    expect(rows.find((r) => r.id === posts.reply.id)?.status).toBe('published');
    expect(rows.find((r) => r.id === posts.held.id)?.status).toBe('pending');
    expect((await db().post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount).toBe(replyCountBefore + 1);

    const items = await db().moderationItem.findMany({ where: { postId: { in: posts.ids } }, include: { reasons: true } });
    expect(items.map((i) => i.postId)).toEqual([posts.held.id]);
    expect(items[0]?.version).toBe(1);
    const reasons = items[0]?.reasons.map((r) => `${r.source}:${r.match}:${r.revision}`) ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    expect(new Set(reasons).size).toBe(reasons.length);
    const notifications = await db().notification.findMany({ where: { userId: member.id, kind: 'post_held' } });
    expect(notifications.filter((n) => n.data.includes(posts.held.id))).toHaveLength(1);
  }

  it('rolls back a job killed before COMMIT and applies it once on retry', async () => {
    const replyCountBefore = (await db().post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount;
    const posts = await writePosts('sebelum-commit');
    const doomed = await spawnWorker('before-commit');
    await doomed.until('all three jobs to be taken', () => posts.ids.every((id) => doomed.active.includes(id)));
    await doomed.until('a job to stall inside its transaction', () => doomed.stalls >= 1);
    await doomed.kill();

    // Nothing the killed transaction wrote is visible: SQLite dropped it with the process.
    const rows = await db().post.findMany({ where: { id: { in: posts.ids } } });
    expect(rows.every((r) => r.status === 'pending' && r.checkedRevision === 0)).toBe(true);
    expect(await db().moderationItem.count({ where: { postId: { in: posts.ids } } })).toBe(0);

    await spawnWorker('none');
    for (const id of posts.ids) {
      const job = await completed(flagJobId({ postId: id, revision: 1 }));
      expect(job.result).not.toBe('skipped');
      expect(job.attemptsStarted).toBeGreaterThanOrEqual(2);
    }
    await expectAppliedOnce(posts, replyCountBefore);
    await flushAnnouncements();
    expect(memberLive.count('post:published', posts.clean.id)).toBe(1);
    expect(memberLive.count('post:published', posts.reply.id)).toBe(1);
    expect(memberLive.count('post:published', posts.held.id)).toBe(0);
    expect(ownerLive.count('queue:item_opened', posts.held.id)).toBe(1);
    expect(ownerLive.count('post:held', posts.held.id)).toBe(1);
  }, 60_000);

  it('does not apply twice a job killed after COMMIT', async () => {
    const replyCountBefore = (await db().post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount;
    const posts = await writePosts('sesudah-commit');
    const doomed = await spawnWorker('after-commit');
    await doomed.until('all three jobs to commit', () => doomed.stalls >= 3);
    await doomed.kill();
    // The outcome is already committed; the retry must find it done and change nothing.
    await expectAppliedOnce(posts, replyCountBefore);

    await spawnWorker('none');
    for (const id of posts.ids) {
      const job = await completed(flagJobId({ postId: id, revision: 1 }));
      expect(job.result).toBe('skipped');
      expect(job.attemptsStarted).toBeGreaterThanOrEqual(2);
    }
    await expectAppliedOnce(posts, replyCountBefore);
    // The killed process died before announcing: the retry finds the outcome committed and announces the
    // publications once. The held post's queue event is not repeated (the queue shows it on the next load).
    await flushAnnouncements();
    expect(memberLive.count('post:published', posts.clean.id)).toBe(1);
    expect(memberLive.count('post:published', posts.reply.id)).toBe(1);
    expect(memberLive.count('post:published', posts.held.id)).toBe(0);
    expect(ownerLive.count('queue:item_opened', posts.held.id)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('rolls back a batch killed before COMMIT and applies each of its posts once on retry', async () => {
    const replyCountBefore = (await db().post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount;
    // Created together, as requests that commit in the same turn are: one group commit, one `check-batch` job.
    const tag = 'kelompok';
    const ids = await createPostsTogether(server.rukun.deps, slug, [
      { userId: member.id, body: `Kabar baik dari ${tag} ${distinctWord()} #kumpul` },
      { userId: member.id, body: `Setuju, ${tag} ${distinctWord()}`, parentId: parent.id },
      { userId: member.id, body: `Dasar bangsat kamu ${tag} ${distinctWord()}` },
      ...Array.from({ length: 5 }, () => ({ userId: owner.id, body: `Pengumuman ${tag} ${distinctWord()}` })),
    ]);
    const read = async (id: string) => (await api.request<{ post: Post }>('GET', `/api/posts/${id}`, { token: member.token })).body.post;
    const [clean, reply, held] = await Promise.all(ids.slice(0, 3).map(read));
    const posts = { clean: clean as Post, reply: reply as Post, held: held as Post, ids: ids.slice(0, 3) };
    const allIds = ids;
    const fillers = ids.slice(3).map((id) => ({ id }));
    const queue = server.rukun.deps.queues.flagging;
    const batches = await waitUntil('the batch to be queued', async () => {
      const found = (await queue.getWaiting()).filter((job) => job.name === FLAG_JOB_NAMES.batch);
      return found.length ? found : undefined;
    });
    expect(batches.map((job) => postsOfFlagJob(job.data).map((p) => p.postId))).toEqual([ids]);

    const doomed = await spawnWorker('before-commit');
    await doomed.until('every post to be taken', () => allIds.every((id) => doomed.active.includes(id)));
    await doomed.until('a transaction to stall', () => doomed.stalls >= 1);
    await doomed.kill();
    const untouched = await db().post.findMany({ where: { id: { in: allIds } } });
    expect(untouched.every((r) => r.status === 'pending' && r.checkedRevision === 0)).toBe(true);

    await spawnWorker('none');
    await waitUntil('every post to be checked', async () => {
      const rows = await db().post.findMany({ where: { id: { in: allIds } }, select: { checkedRevision: true } });
      return rows.every((r) => r.checkedRevision === 1) ? true : undefined;
    });
    await expectAppliedOnce(posts, replyCountBefore);
    for (const batch of batches) {
      const state = await waitUntil(`batch ${batch.id ?? ''} to complete`, async () => ((await queue.getJobState(batch.id ?? '')) === 'completed' ? true : undefined));
      expect(state).toBe(true);
      expect((await queue.getJob(batch.id ?? ''))?.attemptsStarted).toBeGreaterThanOrEqual(2);
    }
    await flushAnnouncements();
    for (const id of [posts.clean.id, posts.reply.id, ...fillers.map((p) => p.id)]) expect(memberLive.count('post:published', id)).toBe(1);
    expect(memberLive.count('post:published', posts.held.id)).toBe(0);
    expect(ownerLive.count('queue:item_opened', posts.held.id)).toBe(1);
  }, 60_000);

  it('processes a duplicate enqueue of the same post and revision once', async () => {
    const replyCountBefore = (await db().post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount;
    const reply = await createPost(api, member, slug, { body: 'Balasan yang diantrekan dua kali', parentId: parent.id });
    const queue = server.rukun.deps.queues.flagging;
    // The same (post, revision) again: BullMQ keeps the first job for that id and ignores the add.
    await enqueueFlag(server.rukun.deps.queues, { postId: reply.id, revision: 1 });
    expect((await queue.getWaiting()).filter((j) => 'postId' in j.data && j.data.postId === reply.id)).toHaveLength(1);
    // Copies under other ids (a lost dedupe, a manual re-run) reach the processor, which must skip them.
    await queue.add('check', { postId: reply.id, revision: 1 }, { jobId: `copy-a-${reply.id}` });
    await queue.add('check', { postId: reply.id, revision: 1 }, { jobId: `copy-b-${reply.id}` });

    await spawnWorker('none');
    const results = await Promise.all([flagJobId({ postId: reply.id, revision: 1 }), `copy-a-${reply.id}`, `copy-b-${reply.id}`].map(completed));
    expect(results.map((r) => r.result).sort()).toEqual(['publish', 'skipped', 'skipped']);
    expect((await jobOf(reply.id))?.attemptsStarted).toBe(1);

    const row = await db().post.findUniqueOrThrow({ where: { id: reply.id } });
    expect(row.status).toBe('published');
    expect(row.checkedRevision).toBe(1);
    expect((await db().post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount).toBe(replyCountBefore + 1);
    await flushAnnouncements();
    expect(memberLive.count('post:published', reply.id)).toBe(1);
  }, 60_000);

  it('still checks a post once when its job failed for good (two workers killed on it)', async () => {
    const post = await createPost(api, member, slug, { body: `Kabar yang dua kali macet ${distinctWord()}` });
    const jobId = flagJobId({ postId: post.id, revision: 1 });
    for (let round = 1; round <= 2; round++) {
      const doomed = await spawnWorker('before-commit');
      await doomed.until(`the job to stall (round ${round})`, () => doomed.active.includes(post.id) && doomed.stalls >= 1);
      await doomed.kill();
    }
    // BullMQ allows one stall (maxStalledCount 1): the second one fails the job, and its id stays taken for a week.
    // The sweeper, which exists for posts whose job is gone, must see to this one too.
    await spawnWorker('none', { sweepGraceMs: 0, sweepIntervalSeconds: 1 });
    await waitUntil('the job to fail for stalling twice', async () => ((await server.rukun.deps.queues.flagging.getJob(jobId))?.failedReason?.includes('stalled') ? true : undefined));
    await memberLive.waitFor('post:published', [post.id]);
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.status).toBe('published');
    expect(row.checkedRevision).toBe(1);
    await flushAnnouncements();
    expect(memberLive.count('post:published', post.id)).toBe(1);
  }, 60_000);
});
