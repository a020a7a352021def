// What the moderation suites share: a clock tests can move, a cast of users around one community, queue and
// audit-log readers, and a Socket.IO client that records what it hears. Not a test file itself (no `.test.ts`).
import { expect } from 'vitest';
import type { Community, ModerationItem, Notification, Post } from '../../../server/contracts/api';
import type { ApiClient } from '../../helpers/api';
import { createCommunity, createPost, createUser, join, setRole, unique, waitForPost, type TestUser } from '../../helpers/factories';

/** A clock that runs with real time plus an offset the test moves forward; pass `now` to startTestServer. */
export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
}

/** Creates a fake clock starting at the real time. */
export function fakeClock(): FakeClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}

export const MINUTE = 60_000;

/** A community with an owner, a manager, two moderators, an author and three more members. */
export interface Cast {
  community: Community;
  owner: TestUser;
  manager: TestUser;
  moderator: TestUser;
  moderator2: TestUser;
  author: TestUser;
  members: TestUser[];
}

/** Builds a fresh community and its people through the public API. */
export async function cast(api: ApiClient): Promise<Cast> {
  const owner = await createUser(api);
  const community = await createCommunity(api, owner);
  const [manager, moderator, moderator2, author, ...members] = await Promise.all(Array.from({ length: 7 }, () => createUser(api)));
  if (!manager || !moderator || !moderator2 || !author) throw new Error('cast incomplete');
  for (const user of [manager, moderator, moderator2, author, ...members]) await join(api, user, community.slug);
  await setRole(api, owner, community.slug, manager.id, 'manager');
  await setRole(api, owner, community.slug, moderator.id, 'moderator');
  await setRole(api, owner, community.slug, moderator2.id, 'moderator');
  return { community, owner, manager, moderator, moderator2, author, members };
}

/** A clean post that the worker publishes; returns it once published. */
export async function publishedPost(api: ApiClient, author: TestUser, slug: string, text = `Info kopdar minggu depan ${unique()}`): Promise<Post> {
  const post = await createPost(api, author, slug, { body: text });
  return waitForPost(api, author, post.id, (p) => p.status === 'published');
}

/** A post the checker holds for a moderator (a strong Indonesian insult); returns it once held. */
export async function heldPost(api: ApiClient, author: TestUser, slug: string, text = `Dasar bangsat kamu ${unique()}`): Promise<Post> {
  const post = await createPost(api, author, slug, { body: text });
  return waitForPost(api, author, post.id, (p) => p.review === 'awaiting_review');
}

export interface QueuePage {
  items: ModerationItem[];
  nextCursor: string | null;
  counts: { open: number; escalated: number };
}

/** The open queue as `user` sees it; asserts 200. */
export async function openQueue(api: ApiClient, user: TestUser, slug: string): Promise<QueuePage> {
  const res = await api.request<QueuePage>('GET', `/api/communities/${slug}/moderation/queue?state=open&limit=100`, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The moderation item of a post as the queue shows it (open or resolved); fails when there is none. */
export async function itemFor(api: ApiClient, user: TestUser, slug: string, postId: string): Promise<ModerationItem> {
  for (const state of ['open', 'resolved']) {
    const res = await api.request<QueuePage>('GET', `/api/communities/${slug}/moderation/queue?state=${state}&limit=100`, { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const item = res.body.items.find((i) => i.postId === postId);
    if (item) return item;
  }
  throw new Error(`no moderation item for post ${postId}`);
}

/** Files a report and asserts 201. */
export async function report(api: ApiClient, user: TestUser, postId: string, reason = 'spam'): Promise<void> {
  const res = await api.request('POST', `/api/posts/${postId}/reports`, { token: user.token, body: { reason } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: { id: string; handle: string } | null;
  target: { type: string; id: string };
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

/** The whole audit log of a community, newest first, as `user` sees it. */
export async function auditLog(api: ApiClient, user: TestUser, slug: string): Promise<AuditEntry[]> {
  const res = await api.request<{ items: AuditEntry[] }>('GET', `/api/communities/${slug}/moderation/log?limit=100`, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

/** The user's notifications, newest first. */
export async function notifications(api: ApiClient, user: TestUser): Promise<Notification[]> {
  const res = await api.request<{ items: Notification[] }>('GET', '/api/me/notifications?limit=100', { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

export { socketPool, type LiveClient } from '../../helpers/liveClient';
