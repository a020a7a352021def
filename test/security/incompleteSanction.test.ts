// Issue 9, finding 6: a sanction chosen with a decision is never dropped. An incomplete or invalid one (empty or
// missing reason, unknown kind, a duration on a warning, a misspelt field) is refused with 422, and a kind the
// caller may not impose with 403, and in every case the WHOLE decision rolls back: the post stays held, the item
// open, no sanction saved. A complete one is saved with the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationItem, Post } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { unique, type TestUser } from '../helpers/factories';
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

/** Asserts nothing of the decision happened: post held, item open at the same version, no sanction on the author. */
async function expectUntouched(moderator: TestUser, slug: string, post: Post, item: ModerationItem, author: TestUser): Promise<void> {
  const now = await itemFor(api, moderator, slug, post.id);
  expect(now).toMatchObject({ state: 'open', version: item.version });
  const own = await api.request<{ post: Post }>('GET', `/api/posts/${post.id}`, { token: author.token });
  expect(own.body.post).toMatchObject({ status: 'pending', review: 'awaiting_review' });
  expect(await server.rukun.deps.db.sanction.count({ where: { userId: author.id } })).toBe(0);
}

describe('a decision with an incomplete sanction', () => {
  const invalid: [string, Record<string, unknown>][] = [
    ['a ban with an empty reason', { kind: 'ban', reason: '' }],
    ['a ban with a blank reason', { kind: 'ban', reason: '   ' }],
    ['a ban without a reason', { kind: 'ban' }],
    ['an unknown kind', { kind: 'kick', reason: 'Spam' }],
    ['a warning with a duration', { kind: 'warn', reason: 'Spam', durationMinutes: 60 }],
    ['a misspelt duration', { kind: 'mute', reason: 'Spam', durationMinute: 60 }],
  ];
  for (const [what, sanction] of invalid) {
    it(`is refused whole with 422 for ${what}`, async () => {
      const { community, owner, author } = await cast(api);
      const post = await heldPost(api, author, community.slug);
      const item = await itemFor(api, owner, community.slug, post.id);
      expectError(await decide(owner, item, { action: 'remove', reason: 'Kata kasar', sanction }), 422, 'validation_failed');
      await expectUntouched(owner, community.slug, post, item, author);
    });
  }

  it('is refused whole with 403 when the caller may not impose the kind (a moderator’s ban)', async () => {
    const { community, moderator, author } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);
    expectError(await decide(moderator, item, { action: 'remove', reason: 'Kata kasar', sanction: { kind: 'ban', reason: 'Kasar' } }), 403, 'forbidden');
    await expectUntouched(moderator, community.slug, post, item, author);
  });

  it('saves a complete ban with the removal: the author is banned', async () => {
    const { community, manager, author } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, manager, community.slug, post.id);
    const res = await decide(manager, item, { action: 'remove', reason: 'Kata kasar', sanction: { kind: 'ban', reason: 'Kata kasar' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.post.status).toBe('removed');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: author.token, body: { body: `Halo ${unique()}` } }), 403, 'banned');
  });
});
