// Optimistic reaction changes, applied before the server answers and undone if it fails.
import type { Post, ReactionKind } from '../../../server/contracts/api';

/** The post with my reaction of `kind` turned on or off, counts adjusted. */
export function toggleReaction(post: Post, change: { kind: ReactionKind; on: boolean }): Post {
  const has = post.myReactions.includes(change.kind);
  if (has === change.on) return post;
  const count = Math.max(0, post.reactions[change.kind] + (change.on ? 1 : -1));
  return {
    ...post,
    reactions: { ...post.reactions, [change.kind]: count },
    myReactions: change.on ? [...post.myReactions, change.kind] : post.myReactions.filter((kind) => kind !== change.kind),
  };
}
