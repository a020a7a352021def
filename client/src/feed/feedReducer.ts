// How the feed changes: page loads, live events from the room, my own submissions and reactions.
import type { Page, Post } from '../../../server/contracts/api';
import type { FeedAction, FeedState } from './feedTypes';
import { appendPage, keepMine, mergeHead, replaceIn, updateIn, upsertFirst, without } from './postLists';
import { reduceThread, withThread } from './threadReducer';
import { toggleReaction } from './reactions';

const matchesTag = (post: Post, tag: string | null): boolean => tag === null || post.tags.includes(tag);

// The feed shows conversations' first posts; a reply belongs in its thread (a `?tag=` page may list replies too).
const topLevel = (page: Page<Post>): Page<Post> => ({ ...page, items: page.items.filter((p) => p.parentId === null) });

/** Applies a change to every list a post can be in: the feed, my pending posts and each open thread. */
function everywhere(state: FeedState, change: (list: Post[]) => Post[]): FeedState {
  const threads = Object.fromEntries(
    Object.entries(state.threads).map(([id, thread]) => [id, { ...thread, items: change(thread.items) }]),
  );
  return { ...state, items: change(state.items), pending: change(state.pending), threads };
}

function bumpReplies(state: FeedState, parentId: string, delta: 1 | -1): FeedState {
  const change = (post: Post): Post => ({ ...post, replyCount: Math.max(0, post.replyCount + delta) });
  return { ...state, items: updateIn(state.items, parentId, change) };
}

function published(state: FeedState, post: Post): FeedState {
  if (post.parentId === null) {
    const pending = without(state.pending, post.id);
    return matchesTag(post, state.tag) ? { ...state, pending, items: upsertFirst(state.items, post) } : { ...state, pending };
  }
  const parentId = post.parentId;
  const shown = state.threads[parentId]?.items.find((reply) => reply.id === post.id);
  const counted = state.countedReplies[post.id] === true || shown?.status === 'published';
  const next = withThread(state, parentId, (thread) => ({ ...thread, items: upsertFirst(thread.items, post) }));
  if (counted) return next;
  return { ...bumpReplies(next, parentId, 1), countedReplies: { ...next.countedReplies, [post.id]: true } };
}

function removed(state: FeedState, post: Post): FeedState {
  const shown = post.parentId ? state.threads[post.parentId]?.items.find((reply) => reply.id === post.id) : undefined;
  const wasCounted = state.countedReplies[post.id] === true || shown?.status === 'published';
  const next = everywhere(state, (list) => without(list, post.id));
  return post.parentId && wasCounted ? bumpReplies(next, post.parentId, -1) : next;
}

// An update that is not a publication: an edit sent back to the check, a hold for review, a hide or a removal.
function updated(state: FeedState, post: Post, meId: string): FeedState {
  const mine = post.author.id === meId;
  if (post.status === 'published') {
    if (post.parentId === null && state.pending.some((p) => p.id === post.id)) return published(state, post);
    return everywhere(state, (list) => replaceIn(list, post));
  }
  if (post.status === 'removed' || post.status === 'deleted' || (post.status === 'hidden' && !mine)) {
    return removed(state, post);
  }
  if (post.parentId === null && mine) {
    const previous = [...state.items, ...state.pending].find((p) => p.id === post.id);
    return { ...state, items: without(state.items, post.id), pending: upsertFirst(state.pending, keepMine(post, previous)) };
  }
  return everywhere(state, (list) => replaceIn(list, post));
}

// The POST's answer is the post as it was saved, the oldest state it has: a live event that won the race with it
// (its publication, or its hold for a moderator) already put a newer copy in the feed or in my pending posts.
function created(state: FeedState, post: Post): FeedState {
  if (post.parentId === null) {
    const known = state.items.some((p) => p.id === post.id) || state.pending.some((p) => p.id === post.id);
    return known ? state : { ...state, pending: [post, ...state.pending] };
  }
  return withThread(state, post.parentId, (thread) =>
    thread.items.some((p) => p.id === post.id) ? thread : { ...thread, items: [post, ...thread.items] },
  );
}

/** The feed reducer. */
export function feedReducer(state: FeedState, action: FeedAction): FeedState {
  switch (action.type) {
    case 'reset':
      return { ...state, tag: action.tag, status: 'loading', error: null, items: [], pending: [], nextCursor: null, threads: {} };
    case 'headLoaded': {
      const merged = mergeHead(state, topLevel(action.page));
      const ids = new Set(merged.items.map((post) => post.id));
      const pending = (action.pending ?? state.pending).filter((post) => !ids.has(post.id) && post.parentId === null);
      return { ...state, ...merged, pending, status: 'ready', error: null };
    }
    case 'headFailed':
      // A failed re-sync keeps what is shown; only a first load turns into an error screen.
      return state.status === 'ready' ? state : { ...state, status: 'error', error: action.error };
    case 'moreStarted':
      return { ...state, loadingMore: true, moreError: null };
    case 'moreLoaded':
      return { ...state, items: appendPage(state.items, topLevel(action.page)), nextCursor: action.page.nextCursor, loadingMore: false };
    case 'moreFailed':
      return { ...state, loadingMore: false, moreError: action.error };
    case 'published':
      return published(state, action.post);
    case 'updated':
      return updated(state, action.post, action.meId);
    case 'removed':
      return removed(state, action.post);
    case 'created':
      return created(state, action.post);
    case 'replaced':
      return everywhere(state, (list) => updateIn(list, action.post.id, () => action.post));
    case 'reactionToggled':
      return everywhere(state, (list) => updateIn(list, action.postId, (post) => toggleReaction(post, action)));
    default:
      return reduceThread(state, action);
  }
}
