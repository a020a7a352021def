// What the sweeper finds (server/commands/findUncheckedPosts.ts): posts whose check is owed and overdue, read through
// the `checkDueAt` index, never the posts that wait for a moderator. No worker runs here, so nothing is checked
// unless the test checks it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../server/contracts/api';
import { applyPostCheck } from '../../server/commands/applyPostCheck';
import { findUncheckedPosts } from '../../server/commands/findUncheckedPosts';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, unique, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;
let api: ApiClient;
let owner: TestUser;
let author: TestUser;
let slug: string;

beforeAll(async () => {
  server = await startTestServer({ process: 'server' });
  api = apiClient(server.baseUrl);
  [owner, author] = await Promise.all([createUser(api), createUser(api)]);
  slug = (await createCommunity(api, owner)).slug;
  await join(api, author, slug);
});
afterAll(async () => {
  await server.close();
});

const deps = () => ({ db: server.rukun.deps.db, sql: server.rukun.deps.sql });
const sweep = (now = new Date(), graceMs = 0) => findUncheckedPosts({ db: deps().db, now }, { graceMs, limit: 500 });
const check = (post: { id: string; revision: number }) => applyPostCheck({ ...deps(), now: new Date() }, { postId: post.id, revision: post.revision });
const marker = async (id: string) => (await deps().db.post.findUniqueOrThrow({ where: { id } })).checkDueAt;

describe('the sweeper finds', () => {
  it('a new post until its check has run, and not while it is younger than the grace period', async () => {
    const post = await createPost(api, author, slug, { body: `Kabar baru ${unique()}` });
    expect(await sweep()).toContainEqual({ postId: post.id, revision: 1 });
    expect(await sweep(new Date(), 60_000)).not.toContainEqual(expect.objectContaining({ postId: post.id }));
    await check(post);
    expect(await sweep()).not.toContainEqual(expect.objectContaining({ postId: post.id }));
    expect(await marker(post.id)).toBeNull();
  });

  it('an edited post again, under its new revision', async () => {
    const post = await createPost(api, author, slug, { body: `Sebelum disunting ${unique()}` });
    await check(post);
    const edited = await api.request<{ post: Post }>('PATCH', `/api/posts/${post.id}`, { token: author.token, body: { body: `Sesudah disunting ${unique()}` } });
    expect(edited.status).toBe(200);
    expect(await sweep()).toContainEqual({ postId: post.id, revision: 2 });
  });

  it('a scheduled post only once it is due', async () => {
    const publishAt = new Date(Date.now() + 3_600_000);
    const post = await createPost(api, author, slug, { body: `Terjadwal ${unique()}`, publishAt: publishAt.toISOString() });
    expect(await sweep()).not.toContainEqual(expect.objectContaining({ postId: post.id }));
    expect(await sweep(new Date(publishAt.getTime() + 1000))).toContainEqual({ postId: post.id, revision: 1 });
  });

  it('no post held for a moderator, however many wait', async () => {
    const pre = (await createCommunity(api, owner)).slug;
    expect((await api.request('PATCH', `/api/communities/${pre}/settings`, { token: owner.token, body: { moderationMode: 'pre' } })).status).toBe(200);
    await join(api, author, pre);
    const held = await Promise.all(Array.from({ length: 5 }, () => createPost(api, author, pre, { body: `Menunggu moderator ${unique()}` })));
    for (const post of held) await check(post);
    const read = await api.request<{ post: Post }>('GET', `/api/posts/${held[0]?.id}`, { token: author.token });
    expect(read.body.post).toMatchObject({ status: 'pending', review: 'awaiting_review' });
    const found = (await sweep()).map((j) => j.postId);
    for (const post of held) expect(found).not.toContain(post.id);
    // Read through the index on checkDueAt, which held posts have left.
    const plan = await deps().db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT id FROM "Post" WHERE checkDueAt <= ? ORDER BY checkDueAt LIMIT 500`, new Date().toISOString());
    expect(plan.map((r) => r.detail).join(' ')).toContain('Post_checkDueAt_idx');
  });

  it('nothing for a post deleted before its check, and it clears that post\'s marker', async () => {
    const post = await createPost(api, author, slug, { body: `Dihapus sebelum diperiksa ${unique()}` });
    expect((await api.request('DELETE', `/api/posts/${post.id}`, { token: author.token })).status).toBe(204);
    expect(await marker(post.id)).not.toBeNull();
    expect(await sweep()).not.toContainEqual(expect.objectContaining({ postId: post.id }));
    expect(await marker(post.id)).toBeNull();
  });
});
