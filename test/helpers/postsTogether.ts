// Posts created through the server's own commands in one tick, the way requests that commit together under load
// are: their writes share one group commit and their checks are queued as one `check-batch` job. Concurrent HTTP
// requests from a test only sometimes land in the same turn of the server's event loop; this always does.
import { createBlockScreen } from '../../server/commands/blockScreen';
import { createPost } from '../../server/commands/createPost';
import { afterCommit, type Deps } from '../../server/deps';
import { loadActor } from '../../server/queries/actor';
import { findCommunityOr404 } from '../../server/queries/communities';

export interface PostToCreate {
  userId: string;
  body: string;
  parentId?: string;
}

/** Creates the posts together in the community `slug` and returns their ids, in order. */
export async function createPostsTogether(deps: Deps, slug: string, posts: PostToCreate[]): Promise<string[]> {
  const community = await findCommunityOr404(deps.sql, slug);
  const now = deps.now();
  const actors = new Map<string, Awaited<ReturnType<typeof loadActor>>>();
  for (const { userId } of posts) {
    if (!actors.has(userId)) actors.set(userId, await loadActor(deps.sql, { communityId: community.id, userId, now }));
  }
  const screen = createBlockScreen(deps);
  return Promise.all(
    posts.map(async (post) => {
      const actor = actors.get(post.userId);
      if (!actor) throw new Error(`no actor for ${post.userId}`);
      const outcome = await createPost({ sql: deps.sql, now, screen }, { actor, community, body: post.body, ...(post.parentId ? { parentId: post.parentId } : {}) });
      await afterCommit(deps, outcome);
      return outcome.value.id;
    }),
  );
}
