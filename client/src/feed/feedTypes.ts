// The state of one community feed: published posts, my own posts still waiting, and open reply threads.
import type { Page, Post, ReactionKind } from '../../../server/contracts/api';

export type LoadStatus = 'loading' | 'ready' | 'error';

export interface ThreadState {
  /** Replies, newest first like the API; shown oldest first. Includes my own replies still waiting. */
  items: Post[];
  nextCursor: string | null;
  status: LoadStatus;
  error: unknown;
  loadingMore: boolean;
}

export interface FeedState {
  tag: string | null;
  status: LoadStatus;
  error: unknown;
  /** Published top-level posts, newest first. */
  items: Post[];
  /** My own top-level posts not published yet (being checked, or held for a moderator), newest first. */
  pending: Post[];
  nextCursor: string | null;
  loadingMore: boolean;
  moreError: unknown;
  /** Open threads by parent post id. */
  threads: Record<string, ThreadState>;
  /** Replies already added to their parent's replyCount by a live event, so a repeat does not count twice. */
  countedReplies: Record<string, true>;
}

export type FeedAction =
  | { type: 'reset'; tag: string | null }
  | { type: 'headLoaded'; page: Page<Post>; pending: Post[] | null }
  | { type: 'headFailed'; error: unknown }
  | { type: 'moreStarted' }
  | { type: 'moreLoaded'; page: Page<Post> }
  | { type: 'moreFailed'; error: unknown }
  | { type: 'published'; post: Post }
  | { type: 'updated'; post: Post; meId: string }
  | { type: 'removed'; post: Post }
  | { type: 'created'; post: Post }
  | { type: 'replaced'; post: Post }
  | { type: 'reactionToggled'; postId: string; kind: ReactionKind; on: boolean }
  | { type: 'threadOpened'; parentId: string }
  | { type: 'threadClosed'; parentId: string }
  | { type: 'threadMoreStarted'; parentId: string }
  | { type: 'threadLoaded'; parentId: string; page: Page<Post>; pending: Post[] | null; part: 'head' | 'older' }
  | { type: 'threadFailed'; parentId: string; error: unknown };

/** A feed that is about to load, optionally filtered by a hashtag. */
export function initialFeed(tag: string | null): FeedState {
  return {
    tag,
    status: 'loading',
    error: null,
    items: [],
    pending: [],
    nextCursor: null,
    loadingMore: false,
    moreError: null,
    threads: {},
    countedReplies: {},
  };
}
