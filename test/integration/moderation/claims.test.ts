// Claims: advisory five-minute leases on a queue item, shown in the queue and live to the other moderators.
// The server runs on a fake clock, so a lease runs out by moving the clock rather than by waiting.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModerationItem } from '../../../server/contracts/api';
import type { QueueItemPayload } from '../../../server/contracts/events';
import { apiClient, type ApiClient } from '../../helpers/api';
import type { TestUser } from '../../helpers/factories';
import { startTestServer, type TestServer } from '../../helpers/testServer';
import { expectError } from '../support';
import { cast, fakeClock, heldPost, itemFor, MINUTE, openQueue, publishedPost, report, socketPool } from './support';

const clock = fakeClock();
let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ now: clock.now });
  api = apiClient(server.baseUrl);
});
afterEach(() => pool.closeAll());
afterAll(async () => {
  await server.close();
});

async function claim(user: TestUser, itemId: string) {
  return api.request<{ item: ModerationItem }>('POST', `/api/moderation/items/${itemId}/claim`, { token: user.token });
}

describe('claiming an item', () => {
  it('shows the claim in the queue and refuses another moderator with 409 already_claimed', async () => {
    const { community, author, moderator, moderator2 } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);
    expect(item.claimedBy).toBeNull();

    const claimed = await claim(moderator, item.id);
    expect(claimed.status).toBe(200);
    expect(claimed.body.item.claimedBy?.user.id).toBe(moderator.id);
    const until = Date.parse(claimed.body.item.claimedBy?.until ?? '');
    const now = clock.now().getTime();
    expect(until).toBeGreaterThan(now + 4 * MINUTE);
    expect(until).toBeLessThanOrEqual(now + 5 * MINUTE);
    // A claim is advisory: it does not move the item's version.
    expect(claimed.body.item.version).toBe(item.version);

    const seenByOther = (await openQueue(api, moderator2, community.slug)).items.find((i) => i.id === item.id);
    expect(seenByOther?.claimedBy).toMatchObject({ user: { id: moderator.id, handle: moderator.handle }, until: claimed.body.item.claimedBy?.until });

    const refused = expectError(await claim(moderator2, item.id), 409, 'already_claimed');
    expect(refused.error.message.length).toBeGreaterThan(0);
    expect((await openQueue(api, moderator2, community.slug)).items.find((i) => i.id === item.id)?.claimedBy?.user.id).toBe(moderator.id);
  });

  it('lets the holder renew the claim, and another moderator claim it once five minutes have passed', async () => {
    const { community, author, moderator, moderator2 } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);

    const first = await claim(moderator, item.id);
    expect(first.status).toBe(200);
    clock.advance(3 * MINUTE);
    const renewed = await claim(moderator, item.id);
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.item.claimedBy?.until ?? '')).toBeGreaterThanOrEqual(Date.parse(first.body.item.claimedBy?.until ?? '') + 3 * MINUTE);

    // Four minutes after the renewal the lease still holds (it would have lapsed without the renewal).
    clock.advance(4 * MINUTE);
    expectError(await claim(moderator2, item.id), 409, 'already_claimed');

    clock.advance(1 * MINUTE + 1_000);
    expect((await openQueue(api, moderator2, community.slug)).items.find((i) => i.id === item.id)?.claimedBy).toBeNull();
    const taken = await claim(moderator2, item.id);
    expect(taken.status).toBe(200);
    expect(taken.body.item.claimedBy?.user.id).toBe(moderator2.id);
    expectError(await claim(moderator, item.id), 409, 'already_claimed');
  });

  it('is advisory: another moderator may still decide a claimed item, which ends the claim', async () => {
    const { community, author, moderator, moderator2 } = await cast(api);
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);
    expect((await claim(moderator, item.id)).status).toBe(200);

    const decided = await api.request<{ item: ModerationItem }>('POST', `/api/moderation/items/${item.id}/decision`, {
      token: moderator2.token,
      body: { action: 'remove', reason: 'kata kasar', version: item.version },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.item).toMatchObject({ state: 'resolved', claimedBy: null, resolution: { action: 'remove', by: { id: moderator2.id } } });
    expectError(await claim(moderator, item.id), 409, 'item_resolved');
  });

  it('refuses claims from members as if the item did not exist', async () => {
    const { community, author, moderator, members } = await cast(api);
    const [member] = members as [TestUser];
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);
    expectError(await claim(member, item.id), 404, 'not_found');
    expectError(await claim(author, item.id), 404, 'not_found');
  });
});

describe('claims, live', () => {
  it('reach the other moderators as queue:item_updated with claimedBy, and not the members', async () => {
    const { community, author, moderator, moderator2, members } = await cast(api);
    const [member] = members as [TestUser];
    const post = await heldPost(api, author, community.slug);
    const item = await itemFor(api, moderator, community.slug, post.id);
    const [other, reader] = await Promise.all([pool.connect(moderator2.token), pool.connect(member.token)]);
    await other.join(community.slug);
    await reader.join(community.slug);

    expect((await claim(moderator, item.id)).status).toBe(200);
    const update = await other.next<QueueItemPayload>('queue:item_updated', (p) => p.item.id === item.id && p.item.claimedBy !== null);
    expect(update.communitySlug).toBe(community.slug);
    expect(update.item.claimedBy?.user.id).toBe(moderator.id);
    expect(update.post.id).toBe(post.id);

    // The lease runs out; the next change to the item goes out unclaimed.
    clock.advance(5 * MINUTE + 1_000);
    expect((await claim(moderator2, item.id)).status).toBe(200);
    const taken = await other.next<QueueItemPayload>('queue:item_updated', (p) => p.item.id === item.id && p.item.claimedBy?.user.id === moderator2.id);
    expect(taken.item.claimedBy?.user.id).toBe(moderator2.id);
    expect(reader.received.map((r) => r.event)).not.toContain('queue:item_updated');
  });

  it('show a lapsed claim as lapsed in the next live update of the item', async () => {
    const { community, author, moderator, moderator2, members } = await cast(api);
    const [first, second] = members as [TestUser, TestUser];
    const post = await publishedPost(api, author, community.slug);
    await report(api, first, post.id, 'spam');
    const item = await itemFor(api, moderator, community.slug, post.id);
    const other = await pool.connect(moderator2.token);
    await other.join(community.slug);

    expect((await claim(moderator, item.id)).status).toBe(200);
    await other.next<QueueItemPayload>('queue:item_updated', (p) => p.item.id === item.id && p.item.claimedBy !== null);

    clock.advance(5 * MINUTE + 1_000);
    await report(api, second, post.id, 'spam');
    const update = await other.next<QueueItemPayload>('queue:item_updated', (p) => p.item.id === item.id && p.item.reportCount === 2);
    expect(update.item.claimedBy).toBeNull();
    expect((await openQueue(api, moderator2, community.slug)).items.find((i) => i.id === item.id)?.claimedBy).toBeNull();
  });
});
