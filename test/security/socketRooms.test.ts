// The socket half of the authorization matrix: for every caller kind, which rooms its socket is in after
// community:join and which events reach it (a published post, a held post with its queue item, a notification to
// someone else), against one expected table. Muted and suspended members keep reading like every member (reading
// is blocked by no sanction: server/policies/community.ts), so they stay in the members' room; rooms follow the
// role only. Banned users, non-members and staff of another community are in no room of the community.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../server/contracts/api';
import type { Ack, HeldPayload, PostPayload } from '../../server/contracts/events';
import { managersRoom, membersRoom, moderatorsRoom, sessionRoom, userRoom } from '../../server/realtime/rooms';
import { apiClient, type ApiClient } from '../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, type TestUser } from '../helpers/factories';
import { socketPool, type LiveClient } from '../helpers/liveClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

type Caller = 'anonymous' | 'nonMember' | 'member' | 'otherModerator' | 'otherManager' | 'moderator' | 'manager' | 'owner' | 'banned' | 'muted' | 'suspended' | 'notified';
type RoomKind = 'member' | 'moderator' | 'manager' | 'user' | 'session';
type EventKind = 'published' | 'held' | 'notification';

interface Expected {
  /** 'connected' or the handshake's error. */
  connect: string;
  /** ok, or the join's error code. */
  join?: string;
  rooms?: RoomKind[];
  events?: EventKind[];
}

const reader: Expected = { connect: 'connected', join: 'ok', rooms: ['member', 'user', 'session'], events: ['published'] };
const staff: Expected = { connect: 'connected', join: 'ok', rooms: ['member', 'moderator', 'user', 'session'], events: ['published', 'held'] };
const leaders: Expected = { ...staff, rooms: ['member', 'moderator', 'manager', 'user', 'session'] };
const outsider = (code: string): Expected => ({ connect: 'connected', join: code, rooms: ['user', 'session'], events: [] });

/** The table. A new caller kind without a row does not compile. */
const EXPECTED: Record<Caller, Expected> = {
  anonymous: { connect: 'unauthenticated' },
  nonMember: outsider('not_a_member'),
  otherModerator: outsider('not_a_member'),
  otherManager: outsider('not_a_member'),
  member: reader,
  muted: reader,
  suspended: reader,
  // The one member a notification is for: their own room carries it, nobody else's does.
  notified: { ...reader, events: ['published', 'notification'] },
  moderator: staff,
  manager: leaders,
  owner: leaders,
  banned: outsider('banned'),
};

let server: TestServer;
let api: ApiClient;
const pool = socketPool(() => server.baseUrl);

beforeAll(async () => {
  server = await startTestServer({ process: 'all' });
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => pool.closeAll());

async function sanction(community: Community, by: TestUser, user: TestUser, kind: string): Promise<void> {
  const res = await api.request('POST', `/api/communities/${community.slug}/members/${user.id}/sanctions`, { token: by.token, body: { kind, reason: 'Uji matriks' } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** Every caller kind with its own account, in one community and a second one for the staff of elsewhere. */
async function callers(): Promise<{ community: Community; users: Record<Exclude<Caller, 'anonymous'>, TestUser>; author: TestUser }> {
  const names = ['nonMember', 'member', 'otherModerator', 'otherManager', 'moderator', 'manager', 'owner', 'banned', 'muted', 'suspended', 'notified'] as const;
  const made = await Promise.all([...names.map(() => createUser(api)), createUser(api), createUser(api)]);
  const users = Object.fromEntries(names.map((name, i) => [name, made[i]])) as Record<(typeof names)[number], TestUser>;
  const [author, otherOwner] = made.slice(names.length) as [TestUser, TestUser];
  const community = await createCommunity(api, users.owner);
  const elsewhere = await createCommunity(api, otherOwner);
  for (const name of ['member', 'moderator', 'manager', 'banned', 'muted', 'suspended', 'notified'] as const) await join(api, users[name], community.slug);
  await join(api, author, community.slug);
  await setRole(api, users.owner, community.slug, users.moderator.id, 'moderator');
  await setRole(api, users.owner, community.slug, users.manager.id, 'manager');
  for (const name of ['otherModerator', 'otherManager'] as const) await join(api, users[name], elsewhere.slug);
  await setRole(api, otherOwner, elsewhere.slug, users.otherModerator.id, 'moderator');
  await setRole(api, otherOwner, elsewhere.slug, users.otherManager.id, 'manager');
  await sanction(community, users.owner, users.banned, 'ban');
  await sanction(community, users.owner, users.muted, 'mute');
  await sanction(community, users.owner, users.suspended, 'suspend');
  return { community, users, author };
}

/** The kinds of room a socket of `userId` is in, by asking the server (the socket's own id room left out). */
async function roomKinds(community: Community, userId: string): Promise<RoomKind[]> {
  const sockets = await (server.rukun.io ?? expect.fail('no Socket.IO server')).in(userRoom(userId)).fetchSockets();
  expect(sockets).toHaveLength(1);
  const [socket] = sockets;
  if (!socket) return [];
  const names = new Map<string, RoomKind>([
    [membersRoom(community.id), 'member'],
    [moderatorsRoom(community.id), 'moderator'],
    [managersRoom(community.id), 'manager'],
    [userRoom(userId), 'user'],
    [sessionRoom(socket.data.sessionId), 'session'],
  ]);
  // A room outside the table shows up under its own name and fails the comparison.
  return [...socket.rooms].filter((room) => room !== socket.id).map((room) => names.get(room) ?? (room as RoomKind)).sort();
}

async function connectAs(user: TestUser | null): Promise<LiveClient | string> {
  try {
    return await pool.connect(user?.token ?? '');
  } catch (err) {
    return (err as Error).message;
  }
}

describe('socket rooms and events by caller kind', () => {
  it('match the expected table', async () => {
    const { community, users, author } = await callers();
    const live = new Map<Caller, LiveClient>();
    const actual: Partial<Record<Caller, Expected>> = {};
    for (const caller of Object.keys(EXPECTED) as Caller[]) {
      const connected = await connectAs(caller === 'anonymous' ? null : users[caller]);
      if (typeof connected === 'string') {
        actual[caller] = { connect: connected };
        continue;
      }
      live.set(caller, connected);
      const ack: Ack = await connected.joinAck(community.slug);
      actual[caller] = { connect: 'connected', join: ack.ok ? 'ok' : ack.error.code };
    }

    const published = await createPost(api, author, community.slug, { body: `Kabar warga ${unique()}` });
    const held = await createPost(api, author, community.slug, { body: `Dasar bangsat kamu ${unique()}` });
    await sanction(community, users.moderator, users.notified, 'warn');
    // Barrier: the owner hears all three, then every socket answers one more request; a socket's events arrive in
    // order, so whatever was sent to it before has arrived by its answer.
    const owner = live.get('owner') ?? expect.fail('owner not connected');
    await owner.next<HeldPayload>('post:held', (p) => p.post.id === held.id);
    await owner.next<PostPayload>('post:published', (p) => p.post.id === published.id);
    await (live.get('notified') ?? expect.fail('notified not connected')).next('notification');
    for (const client of live.values()) await client.joinAck(`nope-${unique()}`);

    for (const [caller, client] of live) {
      const row = actual[caller] ?? expect.fail(caller);
      row.rooms = await roomKinds(community, users[caller as Exclude<Caller, 'anonymous'>].id);
      const events = new Set<EventKind>();
      for (const { event, payload } of client.received) {
        const text = JSON.stringify(payload);
        if (event === 'post:published' && text.includes(published.id)) events.add('published');
        if ((event === 'post:held' || event.startsWith('queue:')) && text.includes(held.id)) events.add('held');
        if (event === 'notification') events.add('notification');
        // Held text reaches staff only, in whatever event.
        if (text.includes('bangsat') && !['moderator', 'manager', 'owner'].includes(caller)) events.add('held');
      }
      row.events = [...events].sort();
    }
    const sorted = (e: Expected): Expected => ({ ...e, ...(e.rooms ? { rooms: [...e.rooms].sort() } : {}), ...(e.events ? { events: [...e.events].sort() } : {}) });
    expect(actual).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, sorted(v)])));
  });
});
