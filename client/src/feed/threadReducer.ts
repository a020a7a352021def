// The part of the feed reducer that handles reply threads.
import type { Post } from '../../../server/contracts/api';
import type { FeedAction, FeedState, ThreadState } from './feedTypes';
import { appendPage, mergeHead } from './postLists';

const emptyThread: ThreadState = { items: [], nextCursor: null, status: 'loading', error: null, loadingMore: false };

/** Applies a change to one open thread; closed threads are left alone. */
export function withThread(state: FeedState, parentId: string, change: (thread: ThreadState) => ThreadState): FeedState {
  const thread = state.threads[parentId];
  return thread ? { ...state, threads: { ...state.threads, [parentId]: change(thread) } } : state;
}

type ThreadAction = Extract<
  FeedAction,
  { type: 'threadOpened' | 'threadClosed' | 'threadMoreStarted' | 'threadLoaded' | 'threadFailed' }
>;

/** Thread actions: open, close, load replies. */
export function reduceThread(state: FeedState, action: ThreadAction): FeedState {
  switch (action.type) {
    case 'threadOpened':
      return state.threads[action.parentId] ? state : { ...state, threads: { ...state.threads, [action.parentId]: emptyThread } };
    case 'threadClosed': {
      const { [action.parentId]: _closed, ...threads } = state.threads;
      return { ...state, threads };
    }
    case 'threadMoreStarted':
      return withThread(state, action.parentId, (thread) => ({ ...thread, loadingMore: true }));
    case 'threadFailed':
      return withThread(state, action.parentId, (thread) =>
        thread.status === 'ready' ? { ...thread, loadingMore: false } : { ...thread, status: 'error', error: action.error },
      );
    case 'threadLoaded':
      return withThread(state, action.parentId, (thread) =>
        action.part === 'older'
          ? { ...thread, items: appendPage(thread.items, action.page), nextCursor: action.page.nextCursor, loadingMore: false }
          : loadedHead(thread, action),
      );
  }
}

function loadedHead(thread: ThreadState, action: Extract<ThreadAction, { type: 'threadLoaded' }>): ThreadState {
  const published = thread.items.filter((post) => post.status === 'published');
  const merged = mergeHead({ items: published, nextCursor: thread.nextCursor }, action.page);
  const ids = new Set(merged.items.map((post) => post.id));
  // My waiting replies: those the server listed, else the ones already shown, minus any that are published now.
  const waiting: Post[] = (action.pending ?? thread.items.filter((post) => post.status !== 'published')).filter(
    (post) => !ids.has(post.id),
  );
  return { items: [...waiting, ...merged.items], nextCursor: merged.nextCursor, status: 'ready', error: null, loadingMore: false };
}
