// My changes to the feed: each sends one request and applies its result (or undoes an optimistic change).
import type { Dispatch } from 'react';
import { flushSync } from 'react-dom';
import type { Post, ReactionKind } from '../../../server/contracts/api';
import { addReaction, createPost, deletePost, removeReaction, type CreatePostInput } from '../api/posts';
import type { FeedAction } from './feedTypes';

/** Sends a post or reply; it shows at once as "being checked". */
export async function submitPost(dispatch: Dispatch<FeedAction>, slug: string, input: CreatePostInput): Promise<Post> {
  const post = await createPost(slug, input);
  // Rendered synchronously, so the "being checked" state is on screen before the publication event can arrive.
  flushSync(() => dispatch({ type: 'created', post }));
  return post;
}

/** Deletes my post and drops it from the feed. */
export async function removePost(dispatch: Dispatch<FeedAction>, post: Post): Promise<void> {
  await deletePost(post.id);
  dispatch({ type: 'removed', post: { ...post, status: 'deleted' } });
}

/** Toggles my reaction optimistically; a failure undoes it and is rethrown for the caller to show. */
export async function toggleMyReaction(dispatch: Dispatch<FeedAction>, post: Post, kind: ReactionKind): Promise<void> {
  const on = !post.myReactions.includes(kind);
  dispatch({ type: 'reactionToggled', postId: post.id, kind, on });
  try {
    if (on) dispatch({ type: 'replaced', post: await addReaction(post.id, kind) });
    else await removeReaction(post.id, kind);
  } catch (error) {
    dispatch({ type: 'reactionToggled', postId: post.id, kind, on: !on });
    throw error;
  }
}
