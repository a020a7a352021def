// Member reports: one per member, distinct reporters reaching the community's threshold hide a post, the item
// counts reports by reason, a moderator's approval is not undone by later reports, suspended members cannot report.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Post } from '../../../server/contracts/api';
import type { PostPayload } from '../../../server/contracts/events';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createUser, join, unique, waitForPost, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, itemFor, openQueue, publishedPost, report, socketPool } from './support';

let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await server.close();
});

/** `count` new members of the community. */
async function newMembers(slug: string, count: number): Promise<TestUser[]> {
  const users = await Promise.all(Array.from({ length: count }, () => createUser(api)));
  for (const user of users) await join(api, user, slug);
  return users;
}

async function feedIds(user: TestUser, slug: string): Promise<string[]> {
  const res = await api.request<{ items: Post[] }>('GET', `/api/communities/${slug}/posts`, { token: user.token });
  expect(res.status).toBe(200);
  return res.body.items.map((p) => p.id);
}

async function postAs(user: TestUser, postId: string) {
  return api.request<{ post: Post }>('GET', `/api/posts/${postId}`, { token: user.token });
}

describe('reporting a post', () => {
  it('takes one report per member: a second one gets 409 already_reported, whatever its reason', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [reporter, other] = members as [TestUser, TestUser];
    const post = await publishedPost(api, author, community.slug);

    const first = await api.request<{ report: { id: string; postId: string; reason: string } }>('POST', `/api/posts/${post.id}/reports`, {
      token: reporter.token,
      body: { reason: 'spam', note: 'jualan terus' },
    });
    expect(first.status).toBe(201);
    expect(first.body.report).toMatchObject({ id: expect.any(String), postId: post.id, reason: 'spam' });
    expectError(await api.request('POST', `/api/posts/${post.id}/reports`, { token: reporter.token, body: { reason: 'spam' } }), 409, 'already_reported');
    expectError(await api.request('POST', `/api/posts/${post.id}/reports`, { token: reporter.token, body: { reason: 'harassment' } }), 409, 'already_reported');
    await report(api, other, post.id, 'off_topic');

    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.reportCount).toBe(2);
    expect(item.reportCounts).toEqual({ spam: 1, off_topic: 1 });
    expect(item.reports.map((r) => r.reporter.id).sort()).toEqual([reporter.id, other.id].sort());
    expect(item.reports.find((r) => r.reporter.id === reporter.id)?.note).toBe('jualan terus');
    // Below the threshold (3 by default) the post stays visible to members.
    expect((await postAs(other, post.id)).status).toBe(200);
  });

  it('hides the post when distinct reporters reach the threshold: members lose it and hear post:removed', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [first, second, third] = members as [TestUser, TestUser, TestUser];
    const [reader] = await newMembers(community.slug, 1);
    if (!reader) throw new Error('no reader');
    const text = `Promo pinjaman cepat ${unique()}`;
    const post = await publishedPost(api, author, community.slug, text);
    const listener = await pool.connect(reader.token);
    await listener.join(community.slug);

    await report(api, first, post.id, 'spam');
    await report(api, second, post.id, 'spam');
    expect((await postAs(reader, post.id)).body.post.status).toBe('published');
    expect(await feedIds(reader, community.slug)).toContain(post.id);

    await report(api, third, post.id, 'harassment');
    const removed = await listener.next<PostPayload>('post:removed', (p) => p.post.id === post.id);
    expect(removed.communitySlug).toBe(community.slug);
    expect(JSON.stringify(removed)).not.toContain(text);

    expectError(await postAs(reader, post.id), 404, 'not_found');
    expect(await feedIds(reader, community.slug)).not.toContain(post.id);
    // The author and the moderators still see it, as hidden.
    expect((await postAs(author, post.id)).body.post).toMatchObject({ status: 'hidden', body: text });
    expect((await postAs(moderator, post.id)).body.post.status).toBe('hidden');

    const queue = await openQueue(api, moderator, community.slug);
    const item = queue.items.find((i) => i.postId === post.id);
    expect(item).toMatchObject({ state: 'open', reportCount: 3, reportCounts: { spam: 2, harassment: 1 } });
    expect(item?.post).toMatchObject({ id: post.id, status: 'hidden', body: text });
    expect(item?.authorHistory).toEqual({ posts: expect.any(Number), removed: 0, sanctions: 0 });
  });

  it('uses the community reportThreshold setting', async () => {
    const { community, owner, author, members } = await cast(api);
    const [first, second, reader] = members as [TestUser, TestUser, TestUser];
    const patched = await api.request('PATCH', `/api/communities/${community.slug}/settings`, { token: owner.token, body: { reportThreshold: 2 } });
    expect(patched.status).toBe(200);
    const post = await publishedPost(api, author, community.slug);

    await report(api, first, post.id, 'hate');
    expect((await postAs(reader, post.id)).status).toBe(200);
    await report(api, second, post.id, 'hate');
    expectError(await postAs(reader, post.id), 404, 'not_found');
  });

  it('does not hide again a post a moderator approved, until its author edits it', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [reader] = members as [TestUser];
    const post = await publishedPost(api, author, community.slug);
    for (const reporter of await newMembers(community.slug, 3)) await report(api, reporter, post.id, 'spam');
    expectError(await postAs(reader, post.id), 404, 'not_found');

    const item = await itemFor(api, moderator, community.slug, post.id);
    const approved = await api.request<{ post: Post }>('POST', `/api/moderation/items/${item.id}/decision`, {
      token: moderator.token,
      body: { action: 'approve', version: item.version, reason: 'bukan spam' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.post.status).toBe('published');
    expect((await postAs(reader, post.id)).body.post.status).toBe('published');

    // Three more distinct reporters: past the threshold again, yet the human decision stands.
    for (const reporter of await newMembers(community.slug, 3)) await report(api, reporter, post.id, 'harassment');
    expect((await postAs(reader, post.id)).body.post.status).toBe('published');
    expect(await feedIds(reader, community.slug)).toContain(post.id);
    // The new reports still reach the moderators.
    const again = await itemFor(api, moderator, community.slug, post.id);
    expect(again).toMatchObject({ state: 'open', reportCount: 6, reportCounts: { spam: 3, harassment: 3 } });
    expect(again.version).toBeGreaterThan(item.version);

    // An edit is new content: once it is published again, reports can hide it.
    const edited = await api.request('PATCH', `/api/posts/${post.id}`, { token: author.token, body: { body: `Sudah saya ubah ${unique()}` } });
    expect(edited.status).toBe(200);
    await waitForPost(api, author, post.id, (p) => p.status === 'published' && p.revision === 2);
    for (const reporter of await newMembers(community.slug, 3)) await report(api, reporter, post.id, 'spam');
    expectError(await postAs(reader, post.id), 404, 'not_found');
    expect((await postAs(author, post.id)).body.post.status).toBe('hidden');
  });

  it('refuses reports from a suspended member (403 suspended) but not from a muted one', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [suspended, muted] = members as [TestUser, TestUser];
    const post = await publishedPost(api, author, community.slug);
    for (const [user, kind] of [[suspended, 'suspend'], [muted, 'mute']] as const) {
      const res = await api.request('POST', `/api/communities/${community.slug}/members/${user.id}/sanctions`, {
        token: moderator.token,
        body: { kind, reason: 'spam berulang', durationMinutes: 60 },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }

    expectError(await api.request('POST', `/api/posts/${post.id}/reports`, { token: suspended.token, body: { reason: 'spam' } }), 403, 'suspended');
    await report(api, muted, post.id, 'spam');
    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.reports.map((r) => r.reporter.id)).toEqual([muted.id]);
  });
});
