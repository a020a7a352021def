// Decisions on queue items: removal needs a reason and reaches the author and every reporter, escalation hands the
// item to managers, a decision may sanction the author (audited), and a stale version is refused with the current item.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationItem, Post } from '../../../server/contracts/api';
import type { PostPayload } from '../../../server/contracts/events';
import { apiClient, type ApiClient } from '../../helpers/api';
import { unique, type TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { auditLog, cast, heldPost, itemFor, notifications, publishedPost, report, socketPool, type QueuePage } from './support';

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

interface DecisionReply {
  item: ModerationItem;
  post: Post;
}

async function decide(user: TestUser, itemId: string, body: Record<string, unknown>) {
  return api.request<DecisionReply>('POST', `/api/moderation/items/${itemId}/decision`, { token: user.token, body });
}

async function getPost(user: TestUser, postId: string) {
  return api.request<{ post: Post }>('GET', `/api/posts/${postId}`, { token: user.token });
}

describe('removing', () => {
  it('requires a reason: 422 reason_required, and the item stays as it was', async () => {
    const { community, author, moderator } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);

    expectError(await decide(moderator, item.id, { action: 'remove', version: item.version }), 422, 'reason_required');
    const after = await itemFor(api, moderator, community.slug, post.id);
    expect(after).toMatchObject({ state: 'open', version: item.version, resolution: null });
    expect((await getPost(author, post.id)).body.post.status).toBe('pending');
  });

  it('hides the post from members and tells the author the reason and each reporter the outcome', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [first, second, bystander] = members as [TestUser, TestUser, TestUser];
    const text = `Jual followers murah ${unique()}`;
    const post = await publishedPost(api, author, community.slug, text);
    await report(api, first, post.id, 'spam');
    await report(api, second, post.id, 'off_topic');
    expect((await getPost(bystander, post.id)).status).toBe(200);
    const listener = await pool.connect(bystander.token);
    await listener.join(community.slug);

    const item = await itemFor(api, moderator, community.slug, post.id);
    const removed = await decide(moderator, item.id, { action: 'remove', reason: 'Iklan tanpa izin', version: item.version });
    expect(removed.status).toBe(200);
    expect(removed.body.item).toMatchObject({ id: item.id, state: 'resolved', version: item.version + 1, resolution: { action: 'remove', by: { id: moderator.id }, reason: 'Iklan tanpa izin' } });
    expect(removed.body.post).toMatchObject({ id: post.id, status: 'removed' });

    const gone = await listener.next<PostPayload>('post:removed', (p) => p.post.id === post.id);
    expect(JSON.stringify(gone)).not.toContain(text);
    expectError(await getPost(bystander, post.id), 404, 'not_found');
    const feed = await api.request<{ items: Post[] }>('GET', `/api/communities/${community.slug}/posts`, { token: bystander.token });
    expect(feed.body.items.map((p) => p.id)).not.toContain(post.id);
    expect((await getPost(author, post.id)).body.post.status).toBe('removed');

    const authorNotes = (await notifications(api, author)).filter((n) => n.data.postId === post.id);
    expect(authorNotes).toEqual([expect.objectContaining({ kind: 'post_removed', communitySlug: community.slug, data: expect.objectContaining({ postId: post.id, reason: 'Iklan tanpa izin', outcome: 'remove' }) })]);
    for (const reporter of [first, second]) {
      const notes = (await notifications(api, reporter)).filter((n) => n.data.postId === post.id);
      expect(notes).toEqual([expect.objectContaining({ kind: 'report_resolved', communitySlug: community.slug, data: expect.objectContaining({ postId: post.id, outcome: 'remove' }) })]);
    }
    expect((await notifications(api, bystander)).filter((n) => n.data.postId === post.id)).toEqual([]);
  });
});

describe('escalating', () => {
  it('hands the item to managers: moderators get 403 deciding it, a manager can', async () => {
    const { community, author, moderator, moderator2, manager } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);

    const escalated = await decide(moderator, item.id, { action: 'escalate', reason: 'Perlu keputusan pengelola', version: item.version });
    expect(escalated.status).toBe(200);
    expect(escalated.body.item).toMatchObject({ state: 'open', escalated: true, version: item.version + 1 });
    expect(escalated.body.post.status).toBe('pending');

    const queue = await api.request<QueuePage>('GET', `/api/communities/${community.slug}/moderation/queue?state=open&escalated=true`, { token: moderator.token });
    expect(queue.body.items.map((i) => i.id)).toEqual([item.id]);
    expect(queue.body.counts).toMatchObject({ open: 1, escalated: 1 });

    const current = escalated.body.item.version;
    for (const mod of [moderator, moderator2]) {
      expectError(await decide(mod, item.id, { action: 'approve', version: current }), 403, 'forbidden');
      expectError(await decide(mod, item.id, { action: 'remove', reason: 'kasar', version: current }), 403, 'forbidden');
    }
    expect(await itemFor(api, moderator, community.slug, post.id)).toMatchObject({ state: 'open', escalated: true, version: current });

    const decided = await decide(manager, item.id, { action: 'remove', reason: 'Melanggar aturan komunitas', version: current });
    expect(decided.status).toBe(200);
    expect(decided.body.item).toMatchObject({ state: 'resolved', resolution: { action: 'remove', by: { id: manager.id } } });
    expect(decided.body.post.status).toBe('removed');
    const log = await auditLog(api, moderator, community.slug);
    expect(log.filter((e) => e.target.id === post.id).map((e) => [e.action, e.actor?.id])).toEqual([
      ['decision.remove', manager.id],
      ['decision.escalate', moderator.id],
    ]);
  });
});

describe('deciding with a sanction', () => {
  it('mutes the author in the same decision, notifies them, writes both audit entries and shows in their history', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [reporter] = members as [TestUser];
    const earlier = await publishedPost(api, author, community.slug);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.authorHistory).toEqual({ posts: 1, removed: 0, sanctions: 0 });

    const decided = await decide(moderator, item.id, {
      action: 'remove',
      reason: 'Menghina anggota lain',
      version: item.version,
      sanction: { kind: 'mute', reason: 'Tiga kali menghina', durationMinutes: 60 },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: `Halo lagi ${unique()}` } }), 403, 'muted');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: `Balasan ${unique()}`, parentId: earlier.id } }), 403, 'muted');

    const log = await auditLog(api, moderator, community.slug);
    const decision = log.find((e) => e.action === 'decision.remove' && e.target.id === post.id);
    expect(decision).toMatchObject({ actor: { id: moderator.id }, target: { type: 'post', id: post.id }, reason: 'Menghina anggota lain', before: { postStatus: 'pending' }, after: { postStatus: 'removed' } });
    const sanction = log.find((e) => e.action === 'sanction.mute' && e.target.id === author.id);
    expect(sanction).toMatchObject({ actor: { id: moderator.id }, target: { type: 'user', id: author.id }, reason: 'Tiga kali menghina', after: { kind: 'mute', itemId: item.id, endsAt: expect.any(String) } });

    const notes = await notifications(api, author);
    expect(notes.find((n) => n.kind === 'post_removed')?.data).toMatchObject({ postId: post.id, reason: 'Menghina anggota lain' });
    expect(notes.find((n) => n.kind === 'sanctioned')?.data).toMatchObject({ kind: 'mute', reason: 'Tiga kali menghina', endsAt: expect.any(String) });

    // The author's next item shows the removal and the sanction in their history.
    await report(api, reporter, earlier.id, 'other');
    const next = await itemFor(api, moderator, community.slug, earlier.id);
    expect(next.authorHistory).toEqual({ posts: 1, removed: 1, sanctions: 1 });
  });

  it('rolls the whole decision back when the sanction is not allowed (a moderator cannot ban)', async () => {
    const { community, author, moderator } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);

    expectError(
      await decide(moderator, item.id, { action: 'remove', reason: 'kasar', version: item.version, sanction: { kind: 'ban', reason: 'kasar' } }),
      403,
      'forbidden',
    );
    expect(await itemFor(api, moderator, community.slug, post.id)).toMatchObject({ state: 'open', version: item.version });
    expect((await getPost(author, post.id)).body.post.status).toBe('pending');
    const log = await auditLog(api, moderator, community.slug);
    expect(log.filter((e) => e.action.startsWith('decision.') || e.action.startsWith('sanction.'))).toEqual([]);
    expect((await notifications(api, author)).map((n) => n.kind)).not.toContain('sanctioned');
  });
});

describe('stale versions', () => {
  it('refuses a decision at a stale version with 409 version_conflict carrying the current item', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [reporter] = members as [TestUser];
    const post = await publishedPost(api, author, community.slug);
    await report(api, members[1] as TestUser, post.id, 'spam');
    const seen = await itemFor(api, moderator, community.slug, post.id);

    // While the moderator reads, another report arrives and moves the item on.
    await report(api, reporter, post.id, 'harassment');
    const stale = await decide(moderator, seen.id, { action: 'approve', version: seen.version });
    const body = expectError(stale, 409, 'version_conflict');
    const current = (body.error.details as { item: ModerationItem }).item;
    expect(current).toMatchObject({ id: seen.id, postId: post.id, state: 'open', version: seen.version + 1, reportCount: 2, reportCounts: { spam: 1, harassment: 1 } });
    expect((await getPost(author, post.id)).body.post.status).toBe('published');

    const fresh = await decide(moderator, seen.id, { action: 'approve', version: current.version });
    expect(fresh.status).toBe(200);
    expect(fresh.body.item).toMatchObject({ state: 'resolved', version: current.version + 1 });
    const again = expectError(await decide(moderator, seen.id, { action: 'remove', reason: 'spam', version: current.version }), 409, 'version_conflict');
    expect((again.error.details as { item: ModerationItem }).item).toMatchObject({ state: 'resolved', resolution: { action: 'approve' } });
  });
});
