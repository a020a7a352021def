// Factories that build state through the public API, so every test has its own users and community.
import { randomBytes } from 'node:crypto';
import type { AuthResult, Community, Post } from '../../server/contracts/api';
import type { ApiClient } from './api';

let counter = 0;
/** A short unique suffix for handles and slugs. */
export function unique(): string {
  counter += 1;
  return `${randomBytes(3).toString('hex')}${counter}`;
}

export interface TestUser {
  id: string;
  handle: string;
  token: string;
}

/** Registers a new user and returns its id, handle and token. */
export async function createUser(api: ApiClient, overrides: { handle?: string; locale?: 'id' | 'en' } = {}): Promise<TestUser> {
  const handle = overrides.handle ?? `u_${unique()}`;
  const res = await api.request<AuthResult>('POST', '/api/auth/register', {
    body: { handle, email: `${handle}@example.test`, password: 'kata-sandi-rahasia', displayName: `User ${handle}`, locale: overrides.locale ?? 'en' },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, handle, token: res.body.token };
}

/** Creates a community owned by `owner`. */
export async function createCommunity(api: ApiClient, owner: TestUser, overrides: { slug?: string } = {}): Promise<Community> {
  const res = await api.request<{ community: Community }>('POST', '/api/communities', {
    token: owner.token,
    body: { slug: overrides.slug ?? `c-${unique()}`, name: 'Komunitas Uji' },
  });
  if (res.status !== 201) throw new Error(`community failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.community;
}

/** Makes `user` a member of the community. */
export async function join(api: ApiClient, user: TestUser, slug: string): Promise<void> {
  const res = await api.request('POST', `/api/communities/${slug}/join`, { token: user.token });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Gives a member a role through the API, as the owner. */
export async function setRole(api: ApiClient, owner: TestUser, slug: string, userId: string, role: 'member' | 'moderator' | 'manager'): Promise<void> {
  const res = await api.request('PUT', `/api/communities/${slug}/members/${userId}/role`, { token: owner.token, body: { role } });
  if (res.status !== 200) throw new Error(`role failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Creates a post and returns it as the author sees it. */
export async function createPost(api: ApiClient, user: TestUser, slug: string, body: Record<string, unknown>): Promise<Post> {
  const res = await api.request<{ post: Post }>('POST', `/api/communities/${slug}/posts`, { token: user.token, body });
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.post;
}

/** Polls the post until `until` holds (the worker is asynchronous); fails after `timeoutMs`. */
export async function waitForPost(api: ApiClient, user: TestUser, postId: string, until: (p: Post) => boolean, timeoutMs = 10_000): Promise<Post> {
  const deadline = Date.now() + timeoutMs;
  let last: Post | undefined;
  while (Date.now() < deadline) {
    const res = await api.request<{ post: Post }>('GET', `/api/posts/${postId}`, { token: user.token });
    if (res.status === 200) {
      last = res.body.post;
      if (until(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`post ${postId} did not reach the expected state; last: ${JSON.stringify(last)}`);
}
