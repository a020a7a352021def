// Redis goes away and comes back empty. Posting must keep answering (the post is saved pending and the sweeper
// queues its check later), readiness must say so, and once Redis is back every post is checked and announced
// exactly once: nothing lost, nothing doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, waitForPost, type TestUser } from '../helpers/factories';
import { startRedisServer, type TestRedisServer } from '../helpers/redisServer';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { connectLiveClient, type LiveClient } from './support/liveClient';
import { distinctWord } from './support/text';
import { statusOf, waitUntil } from './support/waitUntil';

/** POST a post, failing (instead of waiting for the test timeout) if the server does not answer within 5 s. */
async function postPromptly(baseUrl: string, user: TestUser, slug: string, body: Record<string, unknown>): Promise<{ status: number; post: Post }> {
  const res = await fetch(`${baseUrl}/api/communities/${slug}/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const json = (await res.json()) as { post: Post };
  return { status: res.status, post: json.post };
}

describe('a Redis outage', () => {
  let redis: TestRedisServer;
  let server: TestServer;
  let api: ApiClient;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    // Its own Redis: stopping the run's shared one would break every other test file.
    redis = await startRedisServer();
    server = await startTestServer({ env: { REDIS_URL: redis.url }, sweepGraceMs: 100 });
    api = apiClient(server.baseUrl);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
    await redis?.dispose();
  });

  it('keeps posting available and publishes every post exactly once after Redis returns', async () => {
    const owner = await createUser(api);
    const member = await createUser(api);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);
    const memberLive = await connectLiveClient(server.baseUrl, member.token, community.slug);
    const ownerLive = await connectLiveClient(server.baseUrl, owner.token, community.slug);
    clients.push(memberLive, ownerLive);

    // A published parent, so a reply written during the outage shows whether replyCount is bumped once.
    const parent = await createPost(api, owner, community.slug, { body: 'Thread sebelum gangguan' });
    await waitForPost(api, owner, parent.id, (p) => p.status === 'published');
    expect(await statusOf(server.baseUrl, '/readyz')).toBe(200);

    await redis.stop();
    await waitUntil('/readyz to report 503', async () => ((await statusOf(server.baseUrl, '/readyz')) === 503 ? true : undefined));

    const clean = await Promise.all(
      Array.from({ length: 12 }, (_, i) => postPromptly(server.baseUrl, i % 2 ? owner : member, community.slug, { body: `Kabar ${distinctWord()} saat Redis mati #gangguan` })),
    );
    const reply = await postPromptly(server.baseUrl, member, community.slug, { body: 'Balasan saat Redis mati', parentId: parent.id });
    const rude = await postPromptly(server.baseUrl, member, community.slug, { body: 'Dasar bangsat kamu' });
    const written = [...clean, reply, rude];
    for (const { status, post } of written) {
      expect(status).toBe(201);
      expect(post.status).toBe('pending');
      expect(post.review).toBe('checking');
    }
    const stored = await server.rukun.deps.db.post.findMany({ where: { id: { in: written.map((w) => w.post.id) } } });
    expect(stored).toHaveLength(written.length);
    expect(stored.every((p) => p.status === 'pending' && p.checkedRevision === 0)).toBe(true);
    expect(await statusOf(server.baseUrl, '/readyz')).toBe(503);

    // Redis comes back empty: the jobs that could not be queued exist only as pending rows for the sweeper.
    await redis.restart();
    await waitUntil('/readyz to report 200', async () => ((await statusOf(server.baseUrl, '/readyz')) === 200 ? true : undefined));

    const visible = [...clean, reply].map((w) => w.post.id);
    await memberLive.waitFor('post:published', visible);
    await ownerLive.waitFor('queue:item_opened', [rude.post.id]);

    // Let anything still in flight finish, then push one more post through: events on a socket arrive in order, so a
    // duplicate produced before the sentinel was published would have been heard by now.
    await server.rukun.workers?.sweeper.runOnce();
    await waitUntil('the flagging queue to drain', async () => {
      const counts = await server.rukun.deps.queues.flagging.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((n) => n === 0) ? true : undefined;
    });
    const sentinel = await createPost(api, owner, community.slug, { body: 'Penanda akhir uji' });
    await memberLive.waitFor('post:published', [sentinel.id]);

    for (const id of visible) expect(memberLive.count('post:published', id), `post:published for ${id}`).toBe(1);
    expect(memberLive.count('post:published', rude.post.id)).toBe(0);
    expect(ownerLive.count('queue:item_opened', rude.post.id)).toBe(1);
    expect(ownerLive.count('post:held', rude.post.id)).toBe(1);

    const db = server.rukun.deps.db;
    const after = await db.post.findMany({ where: { id: { in: written.map((w) => w.post.id) } } });
    for (const post of after) expect(post.checkedRevision, `checkedRevision of ${post.id}`).toBe(post.revision);
    expect(after.filter((p) => p.status === 'published').map((p) => p.id).sort()).toEqual([...visible].sort());
    expect(after.find((p) => p.id === rude.post.id)?.status).toBe('pending');
    expect((await db.post.findUniqueOrThrow({ where: { id: parent.id } })).replyCount).toBe(1);
    const items = await db.moderationItem.findMany({ where: { postId: rude.post.id }, include: { reasons: true } });
    expect(items).toHaveLength(1);
    expect(items[0]?.version).toBe(1);
    const reasonKeys = items[0]?.reasons.map((r) => `${r.source}:${r.match}:${r.revision}`) ?? [];
    expect(reasonKeys.length).toBeGreaterThan(0);
    expect(new Set(reasonKeys).size).toBe(reasonKeys.length);
    expect(await db.notification.count({ where: { userId: member.id, kind: 'post_held' } })).toBe(1);
  }, 60_000);
});
