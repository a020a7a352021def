import type { Request } from 'express';
import type { Deps } from '../../deps';
import { afterCommit } from '../../deps';
import { createBlockScreen } from '../../commands/blockScreen';
import { createPost } from '../../commands/createPost';
import { deletePost } from '../../commands/deletePost';
import { editPost } from '../../commands/editPost';
import { cancelScheduledPost, reschedulePost } from '../../commands/reschedulePost';
import { addReaction, removeReaction } from '../../commands/reactToPost';
import type { SqlLane } from '../../db/sqlLane';
import { fail } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { requireUser } from '../../middlewares/authenticate';
import type { RateLimiters } from '../../middlewares/rateLimits';
import { authorize, isStaff } from '../../policies/community';
import { loadActor } from '../../queries/actor';
import { findCommunityOr404 } from '../../queries/communities';
import { listByStatus, listPublished } from '../../queries/feed';
import { loadPostViews, presentPostRows } from '../../queries/postViews';
import { loadVisiblePost } from '../../queries/visiblePost';
import { noReactions, presentPost } from '../../presenters/presentPost';
import { defineRoute, type RouteTarget } from '../defineRoute';
import { idParams, slugParams } from '../schemas';
import { createPostBody, editPostBody, listPostsQuery, reactionBody, reactionQuery } from './schemas';

/** A post the caller may see, with the caller as an actor of its community; 404 otherwise (queries/visiblePost.ts). */
async function visiblePostFor(deps: Deps, req: Request, postId: string) {
  const auth = requireUser(req);
  return { ...(await loadVisiblePost(deps, { userId: auth.user.id, postId })), auth };
}

async function present(sql: SqlLane, postId: string, viewer: { userId: string; isStaff: boolean }) {
  const [post] = await loadPostViews(sql, [postId], viewer);
  return post ?? fail('not_found');
}

/** Posts, replies and reactions. */
export function mountPostRoutes(target: RouteTarget, deps: Deps, limits: RateLimiters): void {
  const screen = createBlockScreen(deps);

  defineRoute(target, { method: 'get', path: '/communities/:slug/posts', summary: 'Published posts newest first (?parentId= replies, ?tag= hashtag, ?status= own non-published)', tag: 'posts', auth: true, params: slugParams, query: listPostsQuery, responses: { 200: '{items, nextCursor}' } }, async ({ params, query }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now: deps.now() });
    authorize(actor, 'post.read');
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const base = { communityId: community.id, parentId: query.parentId ?? null, limit: query.limit, after };
    const staff = isStaff(actor);
    const rows =
      query.status === 'published'
        ? await listPublished(deps.db, { ...base, ...(query.tag ? { tag: query.tag } : {}) })
        : await listByStatus(deps.db, { ...base, parentId: query.parentId ?? null, status: query.status, authorId: staff ? null : auth.user.id });
    const key = (r: (typeof rows)[number]) => ({ at: query.status === 'published' ? (r.feedAt ?? r.createdAt) : r.createdAt, id: r.id });
    const page = toPage(rows, query.limit, key);
    res.json({ items: await presentPostRows(deps.sql, page.rows, { userId: auth.user.id, isStaff: staff }), nextCursor: page.nextCursor });
  });

  defineRoute(target, { method: 'post', path: '/communities/:slug/posts', summary: 'Create a post or reply; saved pending until checked', tag: 'posts', auth: true, params: slugParams, body: createPostBody, responses: { 201: '{post}' }, before: [limits.posting] }, async ({ params, body }, req, res) => {
    const auth = requireUser(req);
    const community = await findCommunityOr404(deps.sql, params.slug);
    const now = deps.now();
    const actor = await loadActor(deps.sql, { communityId: community.id, userId: auth.user.id, now });
    const outcome = await createPost({ sql: deps.sql, now, screen }, {
      actor,
      community,
      body: body.body,
      ...(body.title ? { title: body.title } : {}),
      ...(body.parentId ? { parentId: body.parentId } : {}),
      ...(body.publishAt ? { publishAt: new Date(body.publishAt) } : {}),
    });
    await afterCommit(deps, outcome);
    // Nobody can have reacted to a post that did not exist a moment ago; its author sees the text as written.
    res.status(201).json({ post: presentPost(outcome.value.row, { seesOriginal: true, reactions: noReactions(), myReactions: [] }) });
  });

  defineRoute(target, { method: 'get', path: '/posts/:id', summary: 'One post', tag: 'posts', auth: true, params: idParams, responses: { 200: '{post}' } }, async ({ params }, req, res) => {
    const { post, actor, auth } = await visiblePostFor(deps, req, params.id);
    res.json({ post: await present(deps.sql, post.id, { userId: auth.user.id, isStaff: isStaff(actor) }) });
  });

  defineRoute(target, { method: 'patch', path: '/posts/:id', summary: 'Edit my post (checked again), or move a scheduled post (author or manager)', tag: 'posts', auth: true, params: idParams, body: editPostBody, responses: { 200: '{post}' }, before: [limits.posting] }, async ({ params, body }, req, res) => {
    const { post, actor, auth } = await visiblePostFor(deps, req, params.id);
    // Checked before any write, so a text-and-time change is refused whole rather than half applied. The text goes
    // first (the block screen may refuse it); the edit keeps a post scheduled, so the move then finds it scheduled.
    if (body.publishAt !== undefined && post.status !== 'scheduled') fail('post_not_editable');
    if (body.body !== undefined) {
      if (post.authorId !== auth.user.id) fail('forbidden');
      await afterCommit(deps, await editPost({ db: deps.db, now: deps.now(), screen }, { actor, postId: post.id, body: body.body, ...(body.title ? { title: body.title } : {}) }));
    }
    if (body.publishAt !== undefined) {
      await afterCommit(deps, await reschedulePost({ db: deps.db, now: deps.now() }, { actor, postId: post.id, publishAt: new Date(body.publishAt) }));
    }
    res.json({ post: await present(deps.sql, post.id, { userId: auth.user.id, isStaff: isStaff(actor) }) });
  });

  defineRoute(target, { method: 'post', path: '/posts/:id/cancel-schedule', summary: 'Cancel a scheduled post (author or manager); it becomes deleted and is never published', tag: 'posts', auth: true, params: idParams, responses: { 200: '{post}' } }, async ({ params }, req, res) => {
    const { post, actor, auth } = await visiblePostFor(deps, req, params.id);
    await afterCommit(deps, await cancelScheduledPost({ db: deps.db, now: deps.now() }, { actor, postId: post.id }));
    res.json({ post: await present(deps.sql, post.id, { userId: auth.user.id, isStaff: isStaff(actor) }) });
  });

  defineRoute(target, { method: 'delete', path: '/posts/:id', summary: 'Delete my post, or remove one as a moderator', tag: 'posts', auth: true, params: idParams, responses: { 204: 'Gone' } }, async ({ params }, req, res) => {
    const { post, actor } = await visiblePostFor(deps, req, params.id);
    await afterCommit(deps, await deletePost({ db: deps.db, now: deps.now() }, { actor, postId: post.id }));
    res.status(204).end();
  });

  defineRoute(target, { method: 'post', path: '/posts/:id/reactions', summary: 'React to a post', tag: 'posts', auth: true, params: idParams, body: reactionBody, responses: { 201: '{post}' } }, async ({ params, body }, req, res) => {
    const { post, actor, auth } = await visiblePostFor(deps, req, params.id);
    await afterCommit(deps, await addReaction({ db: deps.db, now: deps.now() }, { actor, post, kind: body.kind }));
    res.status(201).json({ post: await present(deps.sql, post.id, { userId: auth.user.id, isStaff: isStaff(actor) }) });
  });

  defineRoute(target, { method: 'delete', path: '/posts/:id/reactions', summary: 'Take back my reaction (?kind=, or all of mine)', tag: 'posts', auth: true, params: idParams, query: reactionQuery, responses: { 204: 'Removed' } }, async ({ params, query }, req, res) => {
    const { post, actor } = await visiblePostFor(deps, req, params.id);
    // The contract says "DELETE same path": accept the kind in the query or in a JSON body.
    const bodyKind = reactionBody.safeParse(req.body);
    const kind = query.kind ?? (bodyKind.success ? bodyKind.data.kind : undefined);
    await afterCommit(deps, await removeReaction({ db: deps.db }, { actor, post, ...(kind ? { kind } : {}) }));
    res.status(204).end();
  });
}
