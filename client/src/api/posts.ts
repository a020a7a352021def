// Posts, replies and reactions.
import type { Page, Post, ReactionKind } from '../../../server/contracts/api';
import { requestJson, requestVoid } from './http';

export interface ListPostsQuery {
  limit?: number;
  cursor?: string | null;
  tag?: string | null;
  parentId?: string | null;
  /** `pending` lists my own posts that are still being checked or wait for a moderator. */
  status?: 'pending';
}

export interface CreatePostInput {
  body: string;
  title?: string;
  parentId?: string;
  /** A future instant schedules the post (status `scheduled`) for then. */
  publishAt?: string;
}

const postsPath = (slug: string): string => `/api/communities/${encodeURIComponent(slug)}/posts`;
const postPath = (id: string): string => `/api/posts/${encodeURIComponent(id)}`;

/** One page of a community's posts (published, newest first; replies with parentId). */
export function listPosts(slug: string, query: ListPostsQuery = {}, signal?: AbortSignal): Promise<Page<Post>> {
  return requestJson<Page<Post>>('GET', postsPath(slug), { query: { ...query }, signal });
}

/** Submits a post or reply; it comes back `pending` while the automatic check runs. */
export async function createPost(slug: string, input: CreatePostInput): Promise<Post> {
  return (await requestJson<{ post: Post }>('POST', postsPath(slug), { body: input })).post;
}

/** Deletes my post (or removes it, for a moderator). */
export function deletePost(id: string): Promise<void> {
  return requestVoid('DELETE', postPath(id));
}

/** Adds my reaction and returns the post with fresh counts. */
export async function addReaction(id: string, kind: ReactionKind): Promise<Post> {
  return (await requestJson<{ post: Post }>('POST', `${postPath(id)}/reactions`, { body: { kind } })).post;
}

/** Takes my reaction back. */
export function removeReaction(id: string, kind: ReactionKind): Promise<void> {
  return requestVoid('DELETE', `${postPath(id)}/reactions`, { query: { kind } });
}
