// The one way routes load a post by id: the post and the caller as an actor of its community, or 404 for a post
// the caller may not see, before any other check runs (see canSeePost).
import type { Deps } from '../deps';
import { fail } from '../errors';
import type { Actor } from '../policies/actor';
import { canSeePost } from '../policies/community';
import { loadActor } from './actor';

type PostRule = (actor: Actor, post: { status: string; authorId: string }) => boolean;

/**
 * A post the user may see (or, with `canSee`, act on), with the user as an actor of its community; 404 for unknown
 * and invisible posts alike.
 */
export async function loadVisiblePost(deps: Pick<Deps, 'db' | 'sql' | 'now'>, input: { userId: string; postId: string; canSee?: PostRule }) {
  const post = await deps.db.post.findUnique({ where: { id: input.postId } });
  if (!post) fail('not_found');
  const actor = await loadActor(deps.sql, { communityId: post.communityId, userId: input.userId, now: deps.now() });
  if (!(input.canSee ?? canSeePost)(actor, post)) fail('not_found');
  return { post, actor };
}
