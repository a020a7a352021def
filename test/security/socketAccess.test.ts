// Finding 5: open sockets follow every change of role, sanction, membership and session at once, on every server
// process. Two server processes share one database and one Redis prefix; A also runs the worker and takes every
// HTTP request, B only holds sockets. A socket on B therefore loses its rooms through the adapter's requests.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult, Community } from '../../server/contracts/api';
import type { HeldPayload, MembershipPayload, PostPayload } from '../../server/contracts/events';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, type TestUser } from '../helpers/factories';
import { socketPool, type LiveClient } from '../helpers/liveClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

let serverA: TestServer;
let serverB: TestServer;
let api: ApiClient;

beforeAll(async () => {
  serverA = await startTestServer({ process: 'all' });
  serverB = await startTestServer({ process: 'server', databaseUrl: serverA.rukun.deps.config.DATABASE_URL, prefix: serverA.prefix });
  api = apiClient(serverA.baseUrl);
});
afterAll(async () => {
  await serverB?.close();
  await serverA?.close();
});
const onA = socketPool(() => serverA.baseUrl);
const onB = socketPool(() => serverB.baseUrl);
afterEach(() => {
  onA.closeAll();
  onB.closeAll();
});

const HELD_TEXT = 'Dasar bangsat kamu';

/** A community with its owner, two moderators and two members. */
async function cast(): Promise<{ owner: TestUser; keeper: TestUser; demoted: TestUser; author: TestUser; reader: TestUser; community: Community }> {
  const [owner, keeper, demoted, author, reader] = await Promise.all([createUser(api), createUser(api), createUser(api), createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  for (const user of [keeper, demoted, author, reader]) await join(api, user, community.slug);
  for (const user of [keeper, demoted]) await setRole(api, owner, community.slug, user.id, 'moderator');
  return { owner, keeper, demoted, author, reader, community };
}

const forPost = (id: string) => (p: PostPayload) => p.post.id === id;
const mentions = (live: LiveClient, id: string) => live.received.filter((r) => JSON.stringify(r.payload).includes(id)).map((r) => r.event);
const membership = (live: LiveClient, slug: string) => live.next<MembershipPayload>('membership:changed', (p) => p.communitySlug === slug);

/** Posts held text and a clean post after it; returns once `witness` has seen the clean one (so all before it arrived). */
async function heldThenClean(author: TestUser, community: Community, staff: LiveClient, witnesses: LiveClient[]): Promise<{ heldId: string }> {
  const held = await createPost(api, author, community.slug, { body: `${HELD_TEXT} ${unique()}` });
  await staff.next<HeldPayload>('post:held', (p) => p.post.id === held.id);
  const clean = await createPost(api, author, community.slug, { body: `Mohon maaf ${unique()}` });
  for (const live of [staff, ...witnesses]) await live.next<PostPayload>('post:published', forPost(clean.id));
  return { heldId: held.id };
}

/** The reason the server gave for disconnecting this socket; fails when it stays connected for 10 s. */
async function disconnected(live: LiveClient): Promise<string> {
  if (!live.socket.connected) return 'already';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still connected after 10 s')), 10_000);
    live.socket.once('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
  });
}

async function login(user: TestUser): Promise<string> {
  const res = await api.request<AuthResult>('POST', '/api/auth/login', { body: { login: user.handle, password: 'kata-sandi-rahasia' } });
  expect(res.status).toBe(200);
  return res.body.token;
}

describe('a demoted moderator', () => {
  for (const where of ['the same process', 'the other process'] as const) {
    it(`stops receiving post:held and queue:* at once, connected to ${where}`, async () => {
      const { owner, keeper, demoted, author, community } = await cast();
      const pool = where === 'the same process' ? onA : onB;
      const [keeperLive, demotedLive] = await Promise.all([pool.connect(keeper.token), pool.connect(demoted.token)]);
      for (const live of [keeperLive, demotedLive]) expect(await live.join(community.slug)).toMatchObject({ role: 'moderator' });

      await setRole(api, owner, community.slug, demoted.id, 'member');
      // The demoted socket does not join again: the server took it out of the moderators' room by itself, before
      // the role change's answer, so the very next held post already passes it by.
      const { heldId } = await heldThenClean(author, community, keeperLive, [demotedLive]);
      expect(mentions(keeperLive, heldId)).toEqual(expect.arrayContaining(['post:held', 'queue:item_opened']));
      expect(mentions(demotedLive, heldId)).toEqual([]);
      expect(JSON.stringify(demotedLive.received)).not.toContain(HELD_TEXT);
      expect(await membership(demotedLive, community.slug)).toEqual({ communitySlug: community.slug, role: 'member' });
    });
  }
});

describe('a banned member', () => {
  it('stops receiving post:published, on the other process', async () => {
    const { owner, author, reader, community } = await cast();
    const [readerLive, authorLive] = await Promise.all([onB.connect(reader.token), onB.connect(author.token)]);
    for (const live of [readerLive, authorLive]) await live.join(community.slug);
    const res = await api.request('POST', `/api/communities/${community.slug}/members/${reader.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'Spam' } });
    expect(res.status).toBe(201);

    const post = await createPost(api, author, community.slug, { body: `Setelah larangan ${unique()}` });
    await authorLive.next<PostPayload>('post:published', forPost(post.id));
    const later = await createPost(api, author, community.slug, { body: `Lagi ${unique()}` });
    await authorLive.next<PostPayload>('post:published', forPost(later.id));
    expect(mentions(readerLive, post.id)).toEqual([]);
    expect(mentions(readerLive, later.id)).toEqual([]);
    expect(await membership(readerLive, community.slug)).toEqual({ communitySlug: community.slug, role: null });
    // Joining again is refused as before.
    expect(await readerLive.joinAck(community.slug)).toMatchObject({ ok: false, error: { code: 'banned' } });
  });

  it('banned through a moderation decision stops receiving post:published too', async () => {
    const { owner, reader, author, community } = await cast();
    const [ownerLive, authorLive, readerLive] = await Promise.all([onA.connect(owner.token), onB.connect(author.token), onB.connect(reader.token)]);
    for (const live of [ownerLive, authorLive, readerLive]) await live.join(community.slug);
    const held = await createPost(api, author, community.slug, { body: `${HELD_TEXT} ${unique()}` });
    const { itemId } = await ownerLive.next<HeldPayload>('post:held', (p) => p.post.id === held.id);
    const item = await api.request<{ item: { version: number } }>('GET', `/api/moderation/items/${itemId}`, { token: owner.token });
    expect(item.status).toBe(200);
    const decision = await api.request('POST', `/api/moderation/items/${itemId}/decision`, {
      token: owner.token,
      body: { action: 'remove', reason: 'Kasar', version: item.body.item.version, sanction: { kind: 'ban', reason: 'Kasar berulang' } },
    });
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);

    const post = await createPost(api, reader, community.slug, { body: `Sesudah keputusan ${unique()}` });
    await readerLive.next<PostPayload>('post:published', forPost(post.id));
    const later = await createPost(api, reader, community.slug, { body: `Penutup ${unique()}` });
    await readerLive.next<PostPayload>('post:published', forPost(later.id));
    expect(mentions(authorLive, post.id)).toEqual([]);
    expect(await membership(authorLive, community.slug)).toEqual({ communitySlug: community.slug, role: null });
  });
});

describe('a promoted member', () => {
  it('gets membership:changed and, after joining again, the moderators\' events', async () => {
    const { owner, keeper, author, reader, community } = await cast();
    const [keeperLive, readerLive] = await Promise.all([onA.connect(keeper.token), onB.connect(reader.token)]);
    for (const live of [keeperLive, readerLive]) await live.join(community.slug);

    await setRole(api, owner, community.slug, reader.id, 'moderator');
    expect(await membership(readerLive, community.slug)).toEqual({ communitySlug: community.slug, role: 'moderator' });
    expect(await readerLive.join(community.slug)).toMatchObject({ ok: true, role: 'moderator' });

    const held = await createPost(api, author, community.slug, { body: `${HELD_TEXT} ${unique()}` });
    expect((await readerLive.next<HeldPayload>('post:held', (p) => p.post.id === held.id)).post.body).toContain(HELD_TEXT);
    await readerLive.next('queue:item_opened', (p: { post: { id: string } }) => p.post.id === held.id);
  });
});

describe('a session that ends', () => {
  it('logout disconnects that session\'s sockets on every process, and only them', async () => {
    const { reader, community } = await cast();
    const other = await login(reader);
    const [mineA, mineB, otherB] = await Promise.all([onA.connect(reader.token), onB.connect(reader.token), onB.connect(other)]);
    for (const live of [mineA, mineB, otherB]) await live.join(community.slug);

    const gone = Promise.all([disconnected(mineA), disconnected(mineB)]);
    expect((await api.request('POST', '/api/auth/logout', { token: reader.token })).status).toBe(204);
    expect(await gone).toEqual(['io server disconnect', 'io server disconnect']);

    // The other session of the same user keeps its socket and its rooms.
    expect(otherB.socket.connected).toBe(true);
    expect(await otherB.joinAck(community.slug)).toMatchObject({ ok: true });
  });

  it('a socket whose session was revoked or expired another way cannot join and is disconnected', async () => {
    const { author, reader, community } = await cast();
    const expiring = await login(author);
    const [revokedLive, expiredLive] = await Promise.all([onB.connect(reader.token), onB.connect(expiring)]);
    const db = serverA.rukun.deps.db;
    // Straight in the database: no announcement, so only the join's own check stands between them and the rooms.
    await db.session.updateMany({ where: { userId: reader.id }, data: { revokedAt: new Date() } });
    await db.session.updateMany({ where: { userId: author.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    for (const live of [revokedLive, expiredLive]) {
      const gone = disconnected(live);
      expect(await live.joinAck(community.slug)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      expect(await gone).toBe('io server disconnect');
    }
  });
});

describe('lifting a ban', () => {
  it('tells the user their membership is gone (they may join again)', async () => {
    const { owner, reader, community } = await cast();
    const readerLive = await onB.connect(reader.token);
    const ban = await api.request<{ sanction: { id: string } }>('POST', `/api/communities/${community.slug}/members/${reader.id}/sanctions`, { token: owner.token, body: { kind: 'ban', reason: 'Spam' } });
    expect(ban.status).toBe(201);
    await membership(readerLive, community.slug);
    expect((await api.request('DELETE', `/api/sanctions/${ban.body.sanction.id}`, { token: owner.token })).status).toBe(204);
    let seen = 0;
    await readerLive.next<MembershipPayload>('membership:changed', () => (seen += 1) === 2);
    expect(readerLive.received.filter((r) => r.event === 'membership:changed').map((r) => r.payload)).toEqual([
      { communitySlug: community.slug, role: null },
      { communitySlug: community.slug, role: null },
    ]);
  });
});
