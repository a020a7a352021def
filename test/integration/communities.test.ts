// Communities and members: creation, settings, joining, the member list, roles and sanctions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Community, Member, MeResponse, Notification, Sanction } from '../../server/contracts/api';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, waitForPost, type TestUser } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { detailPaths, expectError } from './support';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
});

type Role = 'member' | 'moderator' | 'manager';

/** An owner, a community and one member per requested role (each joined, then promoted by the owner). */
async function communityWith(roles: Role[]): Promise<{ owner: TestUser; community: Community; people: TestUser[] }> {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const people: TestUser[] = [];
  for (const role of roles) {
    const user = await createUser(api);
    await join(api, user, community.slug);
    if (role !== 'member') await setRole(api, owner, community.slug, user.id, role);
    people.push(user);
  }
  return { owner, community, people };
}

function roleOf(api: ApiClient, token: string, slug: string) {
  return api.request<{ community: Community }>('GET', `/api/communities/${slug}`, { token }).then((r) => r.body.community.myRole);
}

async function sanction(actor: TestUser, slug: string, userId: string, body: Record<string, unknown>) {
  return api.request<{ sanction: Sanction }>('POST', `/api/communities/${slug}/members/${userId}/sanctions`, { token: actor.token, body });
}

async function publishedPost(author: TestUser, slug: string) {
  const post = await createPost(api, author, slug, { body: `Kabar baik hari ini ${unique()}` });
  return waitForPost(api, author, post.id, (p) => p.status === 'published');
}

describe('creating and reading a community', () => {
  it('makes the creator its owner, with default settings', async () => {
    const owner = await createUser(api);
    const slug = `warga-${unique()}`;
    const res = await api.request<{ community: Community }>('POST', '/api/communities', {
      token: owner.token,
      body: { slug, name: 'Warga Kampung Durian', description: 'Kabar warga', locale: 'id' },
    });
    expect(res.status).toBe(201);
    expect(res.body.community).toMatchObject({
      slug,
      name: 'Warga Kampung Durian',
      description: 'Kabar warga',
      locale: 'id',
      myRole: 'owner',
      memberCount: 1,
      settings: { moderationMode: 'auto', reportThreshold: 3, digest: { cadence: 'off' } },
    });
    expect(typeof res.body.community.id).toBe('string');

    const read = await api.request<{ community: Community }>('GET', `/api/communities/${slug}`, { token: owner.token });
    expect(read.status).toBe(200);
    expect(read.body.community).toEqual(res.body.community);

    const me = await api.request<MeResponse>('GET', '/api/me', { token: owner.token });
    expect(me.body.memberships).toEqual([{ community: { slug, name: 'Warga Kampung Durian' }, role: 'owner', status: 'active' }]);
  });

  it('shows the community to a non-member too, with no role', async () => {
    const { community } = await communityWith([]);
    const stranger = await createUser(api);
    const res = await api.request<{ community: Community }>('GET', `/api/communities/${community.slug}`, { token: stranger.token });
    expect(res.status).toBe(200);
    expect(res.body.community.myRole).toBeNull();
    expect(res.body.community.settings).toBeDefined();
  });

  it('refuses a taken slug with 409 slug_taken', async () => {
    const { community } = await communityWith([]);
    const other = await createUser(api);
    const res = await api.request('POST', '/api/communities', { token: other.token, body: { slug: community.slug, name: 'Copycat' } });
    expectError(res, 409, 'slug_taken');
  });

  it.each(['ab', 'Upper-Case', '-leading', 'trailing-', 'with space', 'a'.repeat(49)])('refuses the slug %j with 422', async (slug) => {
    const owner = await createUser(api);
    const res = await api.request('POST', '/api/communities', { token: owner.token, body: { slug, name: 'Bad slug' } });
    expect(detailPaths(expectError(res, 422, 'validation_failed'))).toContain('body.slug');
  });

  it('answers 404 for an unknown community and 401 without a session', async () => {
    const user = await createUser(api);
    expectError(await api.request('GET', `/api/communities/nope-${unique()}`, { token: user.token }), 404, 'not_found');
    expectError(await api.request('POST', '/api/communities', { body: { slug: `c-${unique()}`, name: 'x' } }), 401, 'unauthenticated');
  });
});

describe('joining', () => {
  it('joins once (201 with the membership); a second join is a 409', async () => {
    const { community } = await communityWith([]);
    const user = await createUser(api);
    const res = await api.request<{ membership: Record<string, unknown> }>('POST', `/api/communities/${community.slug}/join`, { token: user.token });
    expect(res.status).toBe(201);
    expect(res.body.membership).toMatchObject({ communitySlug: community.slug, userId: user.id, role: 'member', status: 'active' });
    expect(await roleOf(api, user.token, community.slug)).toBe('member');

    expectError(await api.request('POST', `/api/communities/${community.slug}/join`, { token: user.token }), 409);
  });

  it('counts two concurrent joins by the same user once', async () => {
    const { owner, community } = await communityWith([]);
    const user = await createUser(api);
    const results = await Promise.all([1, 2].map(() => api.request('POST', `/api/communities/${community.slug}/join`, { token: user.token })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const read = await api.request<{ community: Community }>('GET', `/api/communities/${community.slug}`, { token: owner.token });
    expect(read.body.community.memberCount).toBe(2);
  });

  it('answers 404 for joining an unknown community', async () => {
    const user = await createUser(api);
    expectError(await api.request('POST', `/api/communities/nope-${unique()}/join`, { token: user.token }), 404, 'not_found');
  });
});

describe('the member list', () => {
  it('is for moderators and above: 403 for a member and a non-member', async () => {
    const { community, people } = await communityWith(['member']);
    const stranger = await createUser(api);
    expectError(await api.request('GET', `/api/communities/${community.slug}/members`, { token: people[0]?.token }), 403);
    expectError(await api.request('GET', `/api/communities/${community.slug}/members`, { token: stranger.token }), 403);
  });

  it('shows each member with role, status and counts to a moderator', async () => {
    const { owner, community, people } = await communityWith(['moderator', 'member']);
    const [moderator, member] = people as [TestUser, TestUser];
    await publishedPost(member, community.slug);
    const res = await api.request<{ items: Member[]; nextCursor: string | null }>('GET', `/api/communities/${community.slug}/members`, { token: moderator.token });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    const byId = new Map(res.body.items.map((m) => [m.user.id, m]));
    expect(byId.size).toBe(3);
    expect(byId.get(owner.id)).toMatchObject({ role: 'owner', status: 'active', counts: { posts: 0 } });
    expect(byId.get(moderator.id)).toMatchObject({ role: 'moderator', status: 'active', counts: { posts: 0 } });
    expect(byId.get(member.id)).toMatchObject({ role: 'member', status: 'active', counts: { posts: 1 }, user: { handle: member.handle } });
    // Other people's e-mail addresses are not shown.
    expect(JSON.stringify(res.body)).not.toContain('@example.test');
  });

  it('pages with a cursor: every member exactly once, newest first', async () => {
    const { owner, community, people } = await communityWith(['moderator', 'member', 'member', 'member', 'member']);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const res = await api.request<{ items: Member[]; nextCursor: string | null }>('GET', `/api/communities/${community.slug}/members${query}`, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((m) => m.user.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...people].reverse().map((p) => p.id).concat(owner.id));
  });
});

describe('roles', () => {
  it('lets the owner grant up to manager, but not owner', async () => {
    const { owner, community, people } = await communityWith(['member', 'member']);
    const [a, b] = people as [TestUser, TestUser];
    const res = await api.request<{ membership: { role: string } }>('PUT', `/api/communities/${community.slug}/members/${a.id}/role`, { token: owner.token, body: { role: 'manager' } });
    expect(res.status).toBe(200);
    expect(res.body.membership).toMatchObject({ userId: a.id, role: 'manager' });
    expect(await roleOf(api, a.token, community.slug)).toBe('manager');

    const toOwner = await api.request('PUT', `/api/communities/${community.slug}/members/${b.id}/role`, { token: owner.token, body: { role: 'owner' } });
    expect([403, 422]).toContain(toOwner.status);
    expectError(toOwner, toOwner.status);
    expect(await roleOf(api, b.token, community.slug)).toBe('member');
  });

  it('lets a manager grant and take back moderator, but not manager', async () => {
    const { community, people } = await communityWith(['manager', 'member']);
    const [manager, member] = people as [TestUser, TestUser];
    const path = `/api/communities/${community.slug}/members/${member.id}/role`;
    expect((await api.request('PUT', path, { token: manager.token, body: { role: 'moderator' } })).status).toBe(200);
    expect(await roleOf(api, member.token, community.slug)).toBe('moderator');
    expect((await api.request('PUT', path, { token: manager.token, body: { role: 'member' } })).status).toBe(200);
    expect(await roleOf(api, member.token, community.slug)).toBe('member');

    expectError(await api.request('PUT', path, { token: manager.token, body: { role: 'manager' } }), 403, 'forbidden');
    expect(await roleOf(api, member.token, community.slug)).toBe('member');
  });

  it('does not let a manager change the owner or another manager', async () => {
    const { owner, community, people } = await communityWith(['manager', 'manager']);
    const [manager, otherManager] = people as [TestUser, TestUser];
    const role = (userId: string) => `/api/communities/${community.slug}/members/${userId}/role`;
    expectError(await api.request('PUT', role(owner.id), { token: manager.token, body: { role: 'member' } }), 403, 'forbidden');
    expectError(await api.request('PUT', role(otherManager.id), { token: manager.token, body: { role: 'moderator' } }), 403, 'forbidden');
    expect(await roleOf(api, owner.token, community.slug)).toBe('owner');
    expect(await roleOf(api, otherManager.token, community.slug)).toBe('manager');
  });

  it('does not let moderators or members change roles', async () => {
    const { community, people } = await communityWith(['moderator', 'member']);
    const [moderator, member] = people as [TestUser, TestUser];
    expectError(await api.request('PUT', `/api/communities/${community.slug}/members/${member.id}/role`, { token: moderator.token, body: { role: 'moderator' } }), 403, 'forbidden');
    expectError(await api.request('PUT', `/api/communities/${community.slug}/members/${member.id}/role`, { token: member.token, body: { role: 'moderator' } }), 403, 'forbidden');
    expectError(await api.request('PUT', `/api/communities/${community.slug}/members/${moderator.id}/role`, { token: member.token, body: { role: 'member' } }), 403, 'forbidden');
    expect(await roleOf(api, member.token, community.slug)).toBe('member');
    expect(await roleOf(api, moderator.token, community.slug)).toBe('moderator');
  });

  it('answers 404 for a user who is not a member, 422 for an unknown role', async () => {
    const { owner, community } = await communityWith([]);
    const stranger = await createUser(api);
    expectError(await api.request('PUT', `/api/communities/${community.slug}/members/${stranger.id}/role`, { token: owner.token, body: { role: 'moderator' } }), 404, 'not_found');
    expectError(await api.request('PUT', `/api/communities/${community.slug}/members/${stranger.id}/role`, { token: owner.token, body: { role: 'admin' } }), 422, 'validation_failed');
  });
});

describe('settings', () => {
  it('are changed by a manager and read back', async () => {
    const { community, people } = await communityWith(['manager']);
    const [manager] = people as [TestUser];
    const res = await api.request<{ community: Community }>('PATCH', `/api/communities/${community.slug}/settings`, {
      token: manager.token,
      body: { moderationMode: 'pre', reportThreshold: 5, digest: { cadence: 'weekly', hour: 19, weekday: 5, timezone: 'Asia/Makassar' } },
    });
    expect(res.status).toBe(200);
    const expected = { moderationMode: 'pre', reportThreshold: 5, digest: { cadence: 'weekly', hour: 19, weekday: 5, timezone: 'Asia/Makassar' } };
    expect(res.body.community.settings).toMatchObject(expected);
    const read = await api.request<{ community: Community }>('GET', `/api/communities/${community.slug}`, { token: manager.token });
    expect(read.body.community.settings).toMatchObject(expected);

    // A partial change leaves the rest alone.
    const partial = await api.request<{ community: Community }>('PATCH', `/api/communities/${community.slug}/settings`, { token: manager.token, body: { moderationMode: 'auto' } });
    expect(partial.body.community.settings).toMatchObject({ ...expected, moderationMode: 'auto' });
  });

  it('are not for moderators or members (403)', async () => {
    const { community, people } = await communityWith(['moderator', 'member']);
    for (const user of people) {
      expectError(await api.request('PATCH', `/api/communities/${community.slug}/settings`, { token: user.token, body: { moderationMode: 'pre' } }), 403);
    }
    const read = await api.request<{ community: Community }>('GET', `/api/communities/${community.slug}`, { token: people[0]?.token });
    expect(read.body.community.settings.moderationMode).toBe('auto');
  });

  it.each([
    ['an unknown time zone', { digest: { cadence: 'daily', hour: 8, timezone: 'Mars/Olympus_Mons' } }, 'timezone'],
    ['a weekly digest without a weekday', { digest: { cadence: 'weekly', hour: 8, timezone: 'Asia/Jakarta' } }, 'weekday'],
    ['an hour of 24', { digest: { cadence: 'daily', hour: 24, timezone: 'Asia/Jakarta' } }, 'hour'],
    ['a weekday of 7', { digest: { cadence: 'weekly', hour: 8, weekday: 7, timezone: 'Asia/Jakarta' } }, 'weekday'],
    ['an unknown cadence', { digest: { cadence: 'hourly', hour: 8, timezone: 'Asia/Jakarta' } }, 'cadence'],
    ['an unknown moderation mode', { moderationMode: 'strict' }, 'moderationMode'],
    ['a report threshold of 0', { reportThreshold: 0 }, 'reportThreshold'],
    ['a fractional report threshold', { reportThreshold: 2.5 }, 'reportThreshold'],
    ['nothing to change', {}, 'body'],
  ])('refuses %s with 422', async (_label, body, field) => {
    const { owner, community } = await communityWith([]);
    const res = await api.request('PATCH', `/api/communities/${community.slug}/settings`, { token: owner.token, body });
    expect(detailPaths(expectError(res, 422, 'validation_failed')).some((p) => p.includes(field))).toBe(true);
    const read = await api.request<{ community: Community }>('GET', `/api/communities/${community.slug}`, { token: owner.token });
    expect(read.body.community.settings).toEqual(community.settings);
  });
});

describe('sanctions', () => {
  it('mute: the member cannot post (403 muted) but can still react; lifting it restores posting', async () => {
    const { owner, community, people } = await communityWith(['moderator', 'member']);
    const [moderator, member] = people as [TestUser, TestUser];
    const post = await publishedPost(owner, community.slug);

    const res = await sanction(moderator, community.slug, member.id, { kind: 'mute', reason: 'Kata-kata kasar', durationMinutes: 60 });
    expect(res.status).toBe(201);
    expect(res.body.sanction).toMatchObject({ kind: 'mute', userId: member.id, reason: 'Kata-kata kasar', communitySlug: community.slug, liftedAt: null });
    expect(Date.parse(res.body.sanction.endsAt ?? '') - Date.parse(res.body.sanction.createdAt)).toBe(60 * 60_000);

    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Boleh bicara?' } }), 403, 'muted');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Balasan', parentId: post.id } }), 403, 'muted');
    expect((await api.request('POST', `/api/posts/${post.id}/reactions`, { token: member.token, body: { kind: 'like' } })).status).toBe(201);

    expect((await api.request('DELETE', `/api/sanctions/${res.body.sanction.id}`, { token: moderator.token })).status).toBe(204);
    expect((await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Terima kasih' } })).status).toBe(201);
    expectError(await api.request('DELETE', `/api/sanctions/${res.body.sanction.id}`, { token: moderator.token }), 409, 'sanction_lifted');
  });

  it('suspend: the member can neither post nor react (403 suspended)', async () => {
    const { owner, community, people } = await communityWith(['moderator', 'member']);
    const [moderator, member] = people as [TestUser, TestUser];
    const post = await publishedPost(owner, community.slug);
    expect((await sanction(moderator, community.slug, member.id, { kind: 'suspend', reason: 'Spam berulang' })).status).toBe(201);

    expectError(await api.request('POST', `/api/posts/${post.id}/reactions`, { token: member.token, body: { kind: 'like' } }), 403, 'suspended');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Halo' } }), 403, 'suspended');
    const read = await api.request<{ post: { reactions: Record<string, number> } }>('GET', `/api/posts/${post.id}`, { token: owner.token });
    expect(read.body.post.reactions.like).toBe(0);
  });

  it('warn: only a notification, nothing blocked', async () => {
    const { community, people } = await communityWith(['moderator', 'member']);
    const [moderator, member] = people as [TestUser, TestUser];
    expect((await sanction(moderator, community.slug, member.id, { kind: 'warn', reason: 'Harap sopan' })).status).toBe(201);
    expect((await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Baik, maaf' } })).status).toBe(201);
  });

  it('ban: the member loses the membership and cannot rejoin until the ban is lifted', async () => {
    const { community, people } = await communityWith(['manager', 'member']);
    const [manager, member] = people as [TestUser, TestUser];
    const res = await sanction(manager, community.slug, member.id, { kind: 'ban', reason: 'Penipuan' });
    expect(res.status).toBe(201);
    expect(res.body.sanction.kind).toBe('ban');

    expect(await roleOf(api, member.token, community.slug)).toBeNull();
    expectError(await api.request('POST', `/api/communities/${community.slug}/join`, { token: member.token }), 403, 'banned');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Halo?' } }), 403, 'banned');
    expectError(await api.request('GET', `/api/communities/${community.slug}/posts`, { token: member.token }), 403, 'banned');
    const me = await api.request<MeResponse>('GET', '/api/me', { token: member.token });
    expect(me.body.memberships.filter((m) => m.status === 'active')).toEqual([]);
    const listed = await api.request<{ items: Member[] }>('GET', `/api/communities/${community.slug}/members`, { token: manager.token });
    expect(listed.body.items.find((m) => m.user.id === member.id)?.status ?? 'gone').not.toBe('active');

    expect((await api.request('DELETE', `/api/sanctions/${res.body.sanction.id}`, { token: manager.token })).status).toBe(204);
    const rejoin = await api.request('POST', `/api/communities/${community.slug}/join`, { token: member.token });
    expect(rejoin.status).toBe(201);
    expect(await roleOf(api, member.token, community.slug)).toBe('member');
  });

  it('a moderator cannot ban (403), nor sanction a moderator or above', async () => {
    const { owner, community, people } = await communityWith(['moderator', 'moderator', 'manager', 'member']);
    const [moderator, otherModerator, manager, member] = people as [TestUser, TestUser, TestUser, TestUser];
    expectError(await sanction(moderator, community.slug, member.id, { kind: 'ban', reason: 'Tidak boleh' }), 403, 'forbidden');
    expect(await roleOf(api, member.token, community.slug)).toBe('member');
    for (const target of [otherModerator, manager, owner]) {
      expectError(await sanction(moderator, community.slug, target.id, { kind: 'mute', reason: 'Tidak boleh' }), 403, 'forbidden');
    }
    expectError(await sanction(member, community.slug, moderator.id, { kind: 'warn', reason: 'Tidak boleh' }), 403, 'forbidden');
    expectError(await sanction(manager, community.slug, owner.id, { kind: 'ban', reason: 'Tidak boleh' }), 403, 'forbidden');
    expect(await roleOf(api, owner.token, community.slug)).toBe('owner');
  });

  it('only staff can lift a sanction; to a member it does not exist (404)', async () => {
    const { community, people } = await communityWith(['moderator', 'member', 'member']);
    const [moderator, member, other] = people as [TestUser, TestUser, TestUser];
    const res = await sanction(moderator, community.slug, member.id, { kind: 'mute', reason: 'Kasar' });
    for (const user of [member, other]) expectError(await api.request('DELETE', `/api/sanctions/${res.body.sanction.id}`, { token: user.token }), 404, 'not_found');
    expectError(await api.request('POST', `/api/communities/${community.slug}/posts`, { token: member.token, body: { body: 'Masih dibisukan' } }), 403, 'muted');
    expectError(await api.request('DELETE', `/api/sanctions/${unique()}`, { token: moderator.token }), 404, 'not_found');
  });

  it('a moderator cannot lift a ban (manager only)', async () => {
    const { community, people } = await communityWith(['manager', 'moderator', 'member']);
    const [manager, moderator, member] = people as [TestUser, TestUser, TestUser];
    const ban = await sanction(manager, community.slug, member.id, { kind: 'ban', reason: 'Penipuan' });
    expectError(await api.request('DELETE', `/api/sanctions/${ban.body.sanction.id}`, { token: moderator.token }), 403, 'forbidden');
    expectError(await api.request('POST', `/api/communities/${community.slug}/join`, { token: member.token }), 403, 'banned');
  });

  it('tells the sanctioned member by notification, with kind and reason', async () => {
    const { community, people } = await communityWith(['moderator', 'member']);
    const [moderator, member] = people as [TestUser, TestUser];
    const res = await sanction(moderator, community.slug, member.id, { kind: 'mute', reason: 'Kata-kata kasar', durationMinutes: 30 });
    const list = await api.request<{ items: Notification[] }>('GET', '/api/me/notifications', { token: member.token });
    const note = list.body.items.find((n) => n.kind === 'sanctioned');
    expect(note).toMatchObject({ communitySlug: community.slug, readAt: null, data: { kind: 'mute', reason: 'Kata-kata kasar', endsAt: res.body.sanction.endsAt } });

    await api.request('DELETE', `/api/sanctions/${res.body.sanction.id}`, { token: moderator.token });
    const after = await api.request<{ items: Notification[] }>('GET', '/api/me/notifications', { token: member.token });
    expect(after.body.items[0]).toMatchObject({ kind: 'sanction_lifted', data: { kind: 'mute' } });
  });

  it('refuses a bad sanction body with 422 and an unknown member with 404', async () => {
    const { owner, community, people } = await communityWith(['member']);
    const [member] = people as [TestUser];
    for (const body of [{ kind: 'kick', reason: 'x' }, { kind: 'mute' }, { kind: 'mute', reason: '' }, { kind: 'mute', reason: 'x', durationMinutes: 0 }, { kind: 'mute', reason: 'x', durationMinutes: 1.5 }]) {
      expectError(await sanction(owner, community.slug, member.id, body), 422, 'validation_failed');
    }
    const stranger = await createUser(api);
    expectError(await sanction(owner, community.slug, stranger.id, { kind: 'warn', reason: 'x' }), 404, 'not_found');
  });
});
