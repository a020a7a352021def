// Matrix rows of scheduled posts (issue 12): moving and cancelling someone else's scheduled post is the author's or
// a manager's. Only the author and staff can see a scheduled post, so other members get 404; a moderator sees it but
// may not plan it (403).
import type { Post } from '../../../server/contracts/api';
import { createPost } from '../../helpers/factories';
import { FORBIDDEN, NOT_FOUND, OK, UNAUTHENTICATED, type Row } from './cells';
import { unique, type Env, type World } from './world';

/** A new post by the world's author, scheduled a day ahead. */
async function scheduledPost(env: Env, world: World): Promise<string> {
  const post: Post = await createPost(env.api, await world.author(), world.community.slug, {
    body: `Pengumuman terjadwal ${unique()} untuk warga`,
    publishAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  if (post.status !== 'scheduled') throw new Error(`not scheduled: ${JSON.stringify(post)}`);
  return post.id;
}

const PLANNERS = {
  anonymous: UNAUTHENTICATED,
  nonMember: NOT_FOUND,
  otherModerator: NOT_FOUND,
  otherManager: NOT_FOUND,
  member: NOT_FOUND,
  moderator: FORBIDDEN,
  manager: OK,
  owner: OK,
  banned: NOT_FOUND,
  muted: NOT_FOUND,
  suspended: NOT_FOUND,
} as const;

export const SCHEDULE_ROWS: Record<string, Row> = {
  'PATCH /api/posts/{id} #move someone else\'s scheduled post': {
    expect: PLANNERS,
    call: async ({ env, world }) => ({ params: { id: await scheduledPost(env, world) }, body: { publishAt: new Date(Date.now() + 2 * 86_400_000).toISOString() } }),
  },
  'POST /api/posts/{id}/cancel-schedule': {
    expect: PLANNERS,
    call: async ({ env, world }) => ({ params: { id: await scheduledPost(env, world) } }),
  },
};
