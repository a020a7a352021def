// Issue 9, finding 8: staff do not decide items on their own posts. Approving or removing one's own post is refused
// with 403 own_post and changes nothing; escalating it is allowed (it hands the item to managers), and another
// moderator or a manager decides it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationItem, Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import type { TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { cast, heldPost, itemFor } from '../integration/moderation/support';
import { expectError } from '../integration/support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

const decide = (user: TestUser, item: ModerationItem, body: Record<string, unknown>) =>
  api.request<{ post: Post; item: ModerationItem }>('POST', `/api/moderation/items/${item.id}/decision`, { token: user.token, body: { version: item.version, ...body } });

describe('a staff member’s own held post', () => {
  it('cannot be approved or removed by its author, a moderator; it can be escalated and then decided by a manager', async () => {
    const { community, manager, moderator } = await cast(api);
    const post = await heldPost(api, moderator, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);

    expectError(await decide(moderator, item, { action: 'approve' }), 403, 'own_post');
    expectError(await decide(moderator, item, { action: 'remove', reason: 'Saya hapus sendiri' }), 403, 'own_post');
    const unchanged = await itemFor(api, moderator, community.slug, post.id);
    expect(unchanged).toMatchObject({ state: 'open', version: item.version, escalated: false });
    expect(unchanged.post?.status).toBe('pending');

    const escalated = await decide(moderator, item, { action: 'escalate' });
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
    expect(escalated.body.item.escalated).toBe(true);

    const approved = await decide(manager, escalated.body.item, { action: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.post.status).toBe('published');
  });

  it('cannot be approved by its author even as owner; another moderator may', async () => {
    const { community, owner, moderator2 } = await cast(api);
    const post = await heldPost(api, owner, community.slug);
    const item = await itemFor(api, owner, community.slug, post.id);
    expectError(await decide(owner, item, { action: 'approve' }), 403, 'own_post');
    const res = await decide(moderator2, item, { action: 'approve' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
