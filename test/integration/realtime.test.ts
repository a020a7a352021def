// Socket.IO: handshake auth, community rooms, what members and moderators hear, and events caused by another
// process. This file's server serves HTTP and sockets only; a second, worker-only process on the same database and
// Redis prefix checks every post, so each event below that follows a check crossed processes through Redis.
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Community, Post } from '../../server/contracts/api';
import type { HeldPayload, PostPayload, QueueItemPayload } from '../../server/contracts/events';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, waitForPost, type TestUser } from '../helpers/factories';
import { socketPool, type LiveClient } from '../helpers/liveClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;
let worker: TestServer;
let api: ApiClient;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({ process: 'server' });
  worker = await startTestServer({ process: 'worker', databaseUrl: server.rukun.deps.config.DATABASE_URL, prefix: server.prefix, env: { WORKER_OPS_PORT: '0' } });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await worker?.close();
  await server?.close();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  pool.closeAll();
});

const pool = socketPool(() => server.baseUrl);
/** Connects a socket with a token and records everything it hears. */
const client = (token: string): Promise<LiveClient> => pool.connect(token);

/** A community with an owner (who is also a moderator by rank), a moderator and two members. */
async function cast(): Promise<{ owner: TestUser; moderator: TestUser; author: TestUser; reader: TestUser; community: Community }> {
  const [owner, moderator, author, reader] = await Promise.all([createUser(api), createUser(api), createUser(api), createUser(api)]);
  const community = await createCommunity(api, owner);
  for (const user of [moderator, author, reader]) await join(api, user, community.slug);
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  return { owner, moderator, author, reader, community };
}

const forPost = (id: string) => (p: PostPayload) => p.post.id === id;

describe('connecting', () => {
  it('refuses an unknown token and a missing one', async () => {
    for (const auth of [{ token: `nope-${unique()}` }, {}]) {
      const socket = connect(server.baseUrl, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const error = await new Promise<Error>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('connected with a bad token')));
      });
      expect(error.message).toBe('unauthenticated');
      expect(socket.connected).toBe(false);
    }
  });

  it('refuses a token after logout', async () => {
    const user = await createUser(api);
    await api.request('POST', '/api/auth/logout', { token: user.token });
    await expect(client(user.token)).rejects.toThrow('unauthenticated');
  });

  it('acks community:join with ok for a member and not_a_member for anyone else', async () => {
    const { author, community } = await cast();
    const stranger = await createUser(api);
    const member = await client(author.token);
    expect(await member.joinAck(community.slug)).toMatchObject({ ok: true });

    const outsider = await client(stranger.token);
    expect(await outsider.joinAck(community.slug)).toMatchObject({ ok: false, error: { code: 'not_a_member', message: expect.any(String) } });
    expect(await outsider.joinAck(`nope-${unique()}`)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await outsider.socket.timeout(5000).emitWithAck('community:join', { slug: 42 })).toMatchObject({ ok: false });
  });
});

describe('what members hear', () => {
  it('a joined member sees post:published with the community slug and the full post', async () => {
    const { author, reader, community } = await cast();
    const listener = await client(reader.token);
    expect(await listener.joinAck(community.slug)).toMatchObject({ ok: true });

    const body = `Pengumuman kerja bakti ${unique()} #gotongroyong`;
    const post = await createPost(api, author, community.slug, { title: 'Kerja bakti', body });
    const payload = await listener.next<PostPayload>('post:published', forPost(post.id));
    expect(payload.communitySlug).toBe(community.slug);
    expect(payload.post).toMatchObject({
      id: post.id,
      communitySlug: community.slug,
      author: { id: author.id, handle: author.handle },
      title: 'Kerja bakti',
      body,
      status: 'published',
      tags: ['gotongroyong'],
      reactions: { like: 0, love: 0, insightful: 0, funny: 0 },
      publishedAt: expect.any(String),
    });
  });

  it('a censored post reaches members masked, its author and the moderators as written, each exactly once', async () => {
    const { owner, moderator, author, reader, community } = await cast();
    const rule = await api.request('POST', `/api/communities/${community.slug}/word-rules`, { token: owner.token, body: { pattern: 'zonkcoin', match: 'word', action: 'censor' } });
    expect(rule.status).toBe(201);
    const [readerLive, authorLive, moderatorLive] = await Promise.all([client(reader.token), client(author.token), client(moderator.token)]);
    for (const live of [readerLive, authorLive, moderatorLive]) await live.join(community.slug);

    const suffix = unique();
    const post = await createPost(api, author, community.slug, { body: `Jangan beli Zonkcoin ya ${suffix}` });
    expect((await readerLive.next<PostPayload>('post:published', forPost(post.id))).post.body).toBe(`Jangan beli ******** ya ${suffix}`);
    expect((await authorLive.next<PostPayload>('post:published', forPost(post.id))).post.body).toBe(`Jangan beli Zonkcoin ya ${suffix}`);
    expect((await moderatorLive.next<PostPayload>('post:published', forPost(post.id))).post.body).toBe(`Jangan beli Zonkcoin ya ${suffix}`);
    // A later post heard by all three means anything else about the first one has arrived too.
    const later = await createPost(api, reader, community.slug, { body: `Sesudahnya ${unique()}` });
    for (const live of [readerLive, authorLive, moderatorLive]) {
      await live.next<PostPayload>('post:published', forPost(later.id));
      expect(live.received.filter((r) => r.event === 'post:published' && (r.payload as PostPayload).post.id === post.id)).toHaveLength(1);
    }
    // An uncensored post goes out in one broadcast to members, moderators and its author: still once each.
    const last = await createPost(api, author, community.slug, { body: `Terakhir ${unique()}` });
    const after = await createPost(api, reader, community.slug, { body: `Penutup ${unique()}` });
    for (const live of [readerLive, authorLive, moderatorLive]) {
      await live.next<PostPayload>('post:published', forPost(after.id));
      expect(live.received.filter((r) => r.event === 'post:published' && (r.payload as PostPayload).post.id === later.id)).toHaveLength(1);
      expect(live.received.filter((r) => r.event === 'post:published' && (r.payload as PostPayload).post.id === last.id)).toHaveLength(1);
    }
  });

  it('a member whose socket did not join the community hears nothing of it', async () => {
    const { owner, author, reader, community } = await cast();
    const joined = await client(reader.token);
    expect(await joined.joinAck(community.slug)).toMatchObject({ ok: true });
    const notJoined = await client(owner.token);
    const first = await createPost(api, author, community.slug, { body: `Rapat RT ${unique()}` });
    const second = await createPost(api, author, community.slug, { body: `Rapat RW ${unique()}` });
    await joined.next<PostPayload>('post:published', forPost(first.id));
    await joined.next<PostPayload>('post:published', forPost(second.id));
    expect(notJoined.received.map((r) => r.event)).toEqual(['hello']);
  });

  it('a held post never reaches members; moderators get post:held and queue:item_opened; the author gets post:updated', async () => {
    const { moderator, author, reader, community } = await cast();
    const [memberSocket, moderatorSocket, authorSocket] = await Promise.all([client(reader.token), client(moderator.token), client(author.token)]);
    for (const c of [memberSocket, moderatorSocket, authorSocket]) expect(await c.joinAck(community.slug)).toMatchObject({ ok: true });

    const insult = 'Dasar bangsat kamu';
    const post = await createPost(api, author, community.slug, { body: insult });
    const held = await moderatorSocket.next<HeldPayload>('post:held', (p) => p.post.id === post.id);
    expect(held.communitySlug).toBe(community.slug);
    expect(held.post).toMatchObject({ id: post.id, status: 'pending', review: 'awaiting_review', body: insult });
    expect(held.itemId).toEqual(expect.any(String));
    expect(held.reasons.length).toBeGreaterThan(0);

    const opened = await moderatorSocket.next<QueueItemPayload>('queue:item_opened', (p) => p.post.id === post.id);
    expect(opened).toMatchObject({ communitySlug: community.slug, item: { id: held.itemId, postId: post.id, state: 'open' }, post: { id: post.id } });

    const updated = await authorSocket.next<PostPayload>('post:updated', forPost(post.id));
    expect(updated).toMatchObject({ communitySlug: community.slug, post: { id: post.id, status: 'pending', review: 'awaiting_review' } });

    // A later clean post reaches the member; by then anything about the held one would have arrived first.
    const clean = await createPost(api, author, community.slug, { body: `Mohon maaf semuanya ${unique()}` });
    await memberSocket.next<PostPayload>('post:published', forPost(clean.id));
    expect(memberSocket.received.filter((r) => r.event !== 'hello' && JSON.stringify(r.payload).includes(post.id))).toEqual([]);
    expect(JSON.stringify(memberSocket.received)).not.toContain('bangsat');
    expect(memberSocket.received.map((r) => r.event)).not.toContain('post:held');
    expect(memberSocket.received.map((r) => r.event)).not.toContain('queue:item_opened');
  });

  it('a reaction emits post:updated with the new counts', async () => {
    const { author, reader, community } = await cast();
    const listener = await client(author.token);
    await listener.join(community.slug);
    const post = await createPost(api, author, community.slug, { body: `Foto panen ${unique()}` });
    await listener.next<PostPayload>('post:published', forPost(post.id));

    expect((await api.request('POST', `/api/posts/${post.id}/reactions`, { token: reader.token, body: { kind: 'love' } })).status).toBe(201);
    const updated = await listener.next<PostPayload>('post:updated', (p) => p.post.id === post.id && p.post.reactions.love === 1);
    expect(updated.communitySlug).toBe(community.slug);
    expect(updated.post).toMatchObject({ id: post.id, status: 'published', reactions: { love: 1, like: 0 } });
  });

  it('a deletion tells members post:removed', async () => {
    const { author, reader, community } = await cast();
    const listener = await client(reader.token);
    await listener.join(community.slug);
    const post = await createPost(api, author, community.slug, { body: `Dijual sepeda ${unique()}` });
    await listener.next<PostPayload>('post:published', forPost(post.id));
    expect((await api.request('DELETE', `/api/posts/${post.id}`, { token: author.token })).status).toBe(204);
    const removed = await listener.next<PostPayload>('post:removed', forPost(post.id));
    expect(removed.communitySlug).toBe(community.slug);
    expect(removed.post.body).not.toContain('sepeda');
  });

  it('a member gets a notification event when sanctioned', async () => {
    const { moderator, reader, community } = await cast();
    const listener = await client(reader.token);
    const res = await api.request('POST', `/api/communities/${community.slug}/members/${reader.id}/sanctions`, { token: moderator.token, body: { kind: 'warn', reason: 'Harap sopan' } });
    expect(res.status).toBe(201);
    const note = await listener.next<{ communitySlug: string; notification: { kind: string; data: Record<string, unknown> } }>('notification');
    expect(note).toMatchObject({ communitySlug: community.slug, notification: { kind: 'sanctioned', data: { kind: 'warn', reason: 'Harap sopan' } } });
  });
});

describe('across processes', () => {
  it('an event caused by the worker-only process reaches a client of the server process', async () => {
    // This server checks nothing itself: publishing is done by the other process, which has no Socket.IO server.
    expect(server.rukun.workers).toBeNull();
    expect(worker.rukun.io).toBeNull();
    expect(worker.rukun.workers).not.toBeNull();

    const { author, reader, community } = await cast();
    const listener = await client(reader.token);
    await listener.join(community.slug);
    const post = await createPost(api, author, community.slug, { body: `Lintas proses ${unique()}` });
    const payload = await listener.next<PostPayload>('post:published', forPost(post.id));
    expect(payload).toMatchObject({ communitySlug: community.slug, post: { id: post.id, status: 'published' } });
    const read = await waitForPost(api, author, post.id, (p: Post) => p.status === 'published');
    expect(read.id).toBe(post.id);
  });
});

describe('the worker-only process', () => {
  it('serves /healthz, /readyz and its own /metrics on WORKER_OPS_PORT, and no API', async () => {
    const opsUrl = worker.rukun.opsUrl ?? '';
    expect(opsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { author, community } = await cast();
    const post = await createPost(api, author, community.slug, { body: `Kabar dari pekerja ${unique()}` });
    await waitForPost(api, author, post.id, (p) => p.status === 'published');

    expect((await fetch(`${opsUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${opsUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: 'ok', redis: 'ok' } });
    // The checks ran in this process, so its registry counts them; the HTTP server's does not.
    const published = (text: string) => Number(/^rukun_checker_actions_total\{action="publish"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    expect(published(await (await fetch(`${opsUrl}/metrics`)).text())).toBeGreaterThanOrEqual(1);
    expect(published(await (await fetch(`${server.baseUrl}/metrics`)).text())).toBe(0);
    expect((await fetch(`${opsUrl}/api/me`)).status).toBe(404);
  });
});
