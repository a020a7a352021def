// Decisions under concurrency, against the real database: of many moderators deciding at once, exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationItem, Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, waitForPost, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';

describe('moderation decisions', () => {
  let server: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    api = apiClient(server.baseUrl);
  });
  afterAll(async () => {
    await server.close();
  });

  async function heldItem(owner: TestUser, slug: string, text: string): Promise<{ post: Post; item: ModerationItem }> {
    const post = await createPost(api, owner, slug, { body: text });
    await waitForPost(api, owner, post.id, (p) => p.review === 'awaiting_review');
    const queue = await api.request<{ items: ModerationItem[] }>('GET', `/api/communities/${slug}/moderation/queue`, { token: owner.token });
    const item = queue.body.items.find((i) => i.postId === post.id);
    if (!item) throw new Error('no queue item');
    return { post, item };
  }

  it('lets exactly one of twenty concurrent moderators decide; the rest get 409 version_conflict with the current item', async () => {
    const owner = await createUser(api);
    const community = await createCommunity(api, owner);
    const mods: TestUser[] = [];
    for (let i = 0; i < 20; i += 1) {
      const mod = await createUser(api);
      await join(api, mod, community.slug);
      await setRole(api, owner, community.slug, mod.id, 'moderator');
      mods.push(mod);
    }
    const { post, item } = await heldItem(owner, community.slug, 'Dasar bangsat, jawab dong');
    const results = await Promise.all(
      mods.map((mod, i) =>
        api.request<{ error?: { code: string; details?: { item: ModerationItem } } }>('POST', `/api/moderation/items/${item.id}/decision`, {
          token: mod.token,
          body: i % 2 ? { action: 'approve', version: item.version } : { action: 'remove', reason: 'kasar', version: item.version },
        }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) {
      expect(loser.body.error?.code).toBe('version_conflict');
      expect(loser.body.error?.details?.item.state).toBe('resolved');
      expect(loser.body.error?.details?.item.version).toBe(item.version + 1);
    }
    const log = await api.request<{ items: { action: string; target: { id: string } }[] }>('GET', `/api/communities/${community.slug}/moderation/log`, { token: owner.token });
    expect(log.body.items.filter((e) => e.action.startsWith('decision.') && e.target.id === post.id)).toHaveLength(1);
  });

  it('publishes an approved post to members and tells its author', async () => {
    const owner = await createUser(api);
    const member = await createUser(api);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);
    const post = await createPost(api, member, community.slug, { body: 'Goblok banget sih jawabannya' });
    await waitForPost(api, member, post.id, (p) => p.review === 'awaiting_review');
    const queue = await api.request<{ items: ModerationItem[]; counts: { open: number } }>('GET', `/api/communities/${community.slug}/moderation/queue`, { token: owner.token });
    expect(queue.body.counts.open).toBe(1);
    const item = queue.body.items[0];
    expect(item?.reasons[0]?.match?.toLowerCase()).toContain('goblok');
    const decided = await api.request<{ post: Post }>('POST', `/api/moderation/items/${item?.id}/decision`, { token: owner.token, body: { action: 'approve', version: item?.version } });
    expect(decided.status).toBe(200);
    expect(decided.body.post.status).toBe('published');
    const feed = await api.request<{ items: Post[] }>('GET', `/api/communities/${community.slug}/posts`, { token: member.token });
    expect(feed.body.items.map((p) => p.id)).toContain(post.id);
    const notes = await api.request<{ items: { kind: string }[] }>('GET', '/api/me/notifications', { token: member.token });
    expect(notes.body.items.map((n) => n.kind)).toContain('post_approved');
  });

  it('refuses to rewrite the audit log even through the database layer', async () => {
    const owner = await createUser(api);
    const member = await createUser(api);
    const community = await createCommunity(api, owner);
    await join(api, member, community.slug);
    await setRole(api, owner, community.slug, member.id, 'moderator');
    const db = server.rukun.deps.db;
    const entry = await db.auditEntry.findFirstOrThrow({ where: { communityId: community.id } });
    // Prisma reports the trigger's ABORT as a constraint violation; what matters is that nothing changed.
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { reason: 'rewritten' } })).rejects.toThrow();
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
    await expect(db.auditEntry.deleteMany({ where: { communityId: community.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEntry" SET "action" = 'x' WHERE "id" = ?`, entry.id)).rejects.toThrow();
    const after = await db.auditEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(after).toEqual(entry);
    expect(after.action).toBe('role.change');
  });
});
