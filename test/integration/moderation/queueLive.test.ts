// The queue as moderators watch it: held posts arrive live (post:held, queue:item_opened) and never reach members,
// the queue lists oldest first with everything a decision needs, and decisions go out as resolved updates.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationItem, Post } from '../../../server/contracts/api';
import type { HeldPayload, PostPayload, QueueItemPayload } from '../../../server/contracts/events';
import { apiClient, type ApiClient } from '../../helpers/api';
import { createPost, unique, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, heldPost, openQueue, socketPool } from './support';

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

async function decide(user: TestUser, itemId: string, body: Record<string, unknown>) {
  const res = await api.request<{ item: ModerationItem; post: Post }>('POST', `/api/moderation/items/${itemId}/decision`, { token: user.token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Publishes a clean post and waits until `listener` hears it: anything sent to it earlier has arrived by then. */
async function fence(author: TestUser, slug: string, listener: { next<T>(event: string, match?: (p: T) => boolean): Promise<T> }): Promise<void> {
  const marker = await createPost(api, author, slug, { body: `Terima kasih semuanya ${unique()}` });
  await listener.next<PostPayload>('post:published', (p) => p.post.id === marker.id);
}

describe('held posts, live', () => {
  it('reach moderators as post:held and queue:item_opened, and members never see their text', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [member] = members as [TestUser];
    const [modSocket, memberSocket] = await Promise.all([pool.connect(moderator.token), pool.connect(member.token)]);
    await modSocket.join(community.slug);
    await memberSocket.join(community.slug);

    const text = `Dasar bangsat kamu ${unique()}`;
    const post = await createPost(api, author, community.slug, { body: text });
    const held = await modSocket.next<HeldPayload>('post:held', (p) => p.post.id === post.id);
    expect(held).toMatchObject({ communitySlug: community.slug, post: { id: post.id, status: 'pending', review: 'awaiting_review', body: text } });
    expect(held.reasons).toEqual([expect.objectContaining({ source: 'lexicon', match: 'bangsat' })]);

    const opened = await modSocket.next<QueueItemPayload>('queue:item_opened', (p) => p.item.postId === post.id);
    expect(opened).toMatchObject({
      communitySlug: community.slug,
      item: { id: held.itemId, postId: post.id, state: 'open', version: expect.any(Number), claimedBy: null, reportCount: 0 },
      post: { id: post.id, body: text },
    });
    expect(opened.item.reasons.map((r) => r.match)).toEqual(['bangsat']);

    await fence(author, community.slug, memberSocket);
    const heard = JSON.stringify(memberSocket.received);
    expect(heard).not.toContain(post.id);
    expect(heard).not.toContain('bangsat');
    expect(memberSocket.received.map((r) => r.event)).not.toEqual(expect.arrayContaining(['post:held']));
    expect(memberSocket.received.map((r) => r.event).filter((e) => e.startsWith('queue:'))).toEqual([]);
  });
});

describe('the queue', () => {
  it('lists open items oldest first with the post, reasons, report counts, history and claim', async () => {
    const { community, author, moderator } = await cast(api);
    const first = await heldPost(api, author, community.slug);
    const second = await heldPost(api, author, community.slug, `Goblok banget kamu ${unique()}`);

    const queue = await openQueue(api, moderator, community.slug);
    expect(queue.items.map((i) => i.postId)).toEqual([first.id, second.id]);
    expect(queue.counts).toEqual({ open: 2, escalated: 0 });
    expect(queue.nextCursor).toBeNull();
    const [older] = queue.items;
    expect(older).toMatchObject({
      communitySlug: community.slug,
      state: 'open',
      claimedBy: null,
      reportCount: 0,
      reportCounts: {},
      authorHistory: { posts: 0, removed: 0, sanctions: 0 },
      post: { id: first.id, body: first.body, status: 'pending' },
    });
    expect(older?.reasons[0]).toMatchObject({ source: 'lexicon', match: 'bangsat', score: expect.any(Number) });

    const paged = await api.request<{ items: ModerationItem[]; nextCursor: string | null }>('GET', `/api/communities/${community.slug}/moderation/queue?limit=1`, { token: moderator.token });
    expect(paged.body.items.map((i) => i.postId)).toEqual([first.id]);
    const rest = await api.request<{ items: ModerationItem[] }>('GET', `/api/communities/${community.slug}/moderation/queue?limit=1&cursor=${paged.body.nextCursor}`, { token: moderator.token });
    expect(rest.body.items.map((i) => i.postId)).toEqual([second.id]);
  });

  it('is closed to members (403)', async () => {
    const { community, author } = await cast(api);
    expectError(await api.request('GET', `/api/communities/${community.slug}/moderation/queue`, { token: author.token }), 403, 'forbidden');
  });
});

describe('decisions, live', () => {
  it('go out to moderators as queue:item_updated with state resolved, and counts.open goes down', async () => {
    const { community, author, moderator, moderator2, members } = await cast(api);
    const [member] = members as [TestUser];
    const toApprove = await heldPost(api, author, community.slug);
    const toRemove = await heldPost(api, author, community.slug, `Goblok banget kamu ${unique()}`);
    const [other, memberSocket] = await Promise.all([pool.connect(moderator2.token), pool.connect(member.token)]);
    await other.join(community.slug);
    await memberSocket.join(community.slug);
    const before = await openQueue(api, moderator, community.slug);
    expect(before.counts.open).toBe(2);
    const [approveItem, removeItem] = before.items as [ModerationItem, ModerationItem];

    await decide(moderator, approveItem.id, { action: 'approve', version: approveItem.version });
    const approved = await other.next<QueueItemPayload>('queue:item_updated', (p) => p.item.id === approveItem.id && p.item.state === 'resolved');
    expect(approved).toMatchObject({ communitySlug: community.slug, item: { version: approveItem.version + 1, resolution: { action: 'approve', by: { id: moderator.id } } }, post: { id: toApprove.id, status: 'published' } });
    const published = await memberSocket.next<PostPayload>('post:published', (p) => p.post.id === toApprove.id);
    expect(published.post.body).toBe(toApprove.body);
    expect((await openQueue(api, moderator, community.slug)).counts.open).toBe(1);

    await decide(moderator, removeItem.id, { action: 'remove', reason: 'Menghina', version: removeItem.version });
    const removed = await other.next<QueueItemPayload>('queue:item_updated', (p) => p.item.id === removeItem.id && p.item.state === 'resolved');
    expect(removed).toMatchObject({ item: { resolution: { action: 'remove', reason: 'Menghina' } }, post: { id: toRemove.id, status: 'removed' } });
    const after = await openQueue(api, moderator, community.slug);
    expect(after.counts.open).toBe(0);
    expect(after.items).toEqual([]);
    const resolved = await api.request<{ items: ModerationItem[] }>('GET', `/api/communities/${community.slug}/moderation/queue?state=resolved`, { token: moderator.token });
    expect(resolved.body.items.map((i) => i.id).sort()).toEqual([approveItem.id, removeItem.id].sort());

    // The removed post's text never reached the member, then or now.
    await fence(author, community.slug, memberSocket);
    expect(JSON.stringify(memberSocket.received)).not.toContain(toRemove.body);
    expect(memberSocket.received.map((r) => r.event).filter((e) => e.startsWith('queue:'))).toEqual([]);
  });
});
