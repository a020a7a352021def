// Drives one community feed: loads pages, follows the room live, re-syncs after reconnects, and sends my changes.
import { useEffect, useReducer, useRef } from 'react';
import type { Post, ReactionKind, Role } from '../../../server/contracts/api';
import type { CreatePostInput } from '../api/posts';
import { useCommunityRoom, type RoomHandlers, type RoomState } from '../realtime/useCommunityRoom';
import { removePost, submitPost, toggleMyReaction } from './feedCommands';
import { feedReducer } from './feedReducer';
import { initialFeed, type FeedAction, type FeedState } from './feedTypes';
import { useFeedLoading } from './useFeedLoading';

export interface FeedOptions {
  slug: string;
  tag: string | null;
  role: Role | null;
  meId: string;
  /** Someone else's post appeared live (to announce it to screen readers). */
  onLivePost: (post: Post) => void;
}

export interface Feed {
  state: FeedState;
  room: RoomState;
  retry: () => void;
  loadMore: () => void;
  submit: (input: CreatePostInput) => Promise<Post>;
  remove: (post: Post) => Promise<void>;
  react: (post: Post, kind: ReactionKind) => Promise<void>;
  openThread: (parentId: string) => void;
  closeThread: (parentId: string) => void;
  loadOlderReplies: (parentId: string) => void;
}

interface RoomWiring {
  dispatch: (action: FeedAction) => void;
  latest: { current: { state: FeedState; options: FeedOptions } };
  resync: () => void;
}

// Room events become reducer actions; a join (first or after a reconnect) re-fetches instead of trusting the gap.
function roomHandlers({ dispatch, latest, resync }: RoomWiring): RoomHandlers {
  return {
    onPublished: (post) => {
      dispatch({ type: 'published', post });
      const { state, options } = latest.current;
      const fitsFilter = state.tag === null || post.tags.includes(state.tag);
      if (post.parentId === null && post.author.id !== options.meId && fitsFilter) options.onLivePost(post);
    },
    onUpdated: (post) => dispatch({ type: 'updated', post, meId: latest.current.options.meId }),
    onRemoved: (post) => dispatch({ type: 'removed', post }),
    onJoined: resync,
  };
}

/** The feed of `slug`, live. */
export function useFeed(options: FeedOptions): Feed {
  const { slug, tag, role } = options;
  const [state, dispatch] = useReducer(feedReducer, tag, initialFeed);
  const latest = useRef({ state, options });
  const shown = useRef(state);
  const member = useRef(role !== null);
  const generation = useRef(0);
  useEffect(() => {
    latest.current = { state, options };
    shown.current = state;
    member.current = options.role !== null;
  });

  const { loadHead, loadMore, loadThread } = useFeedLoading({ slug, tag, dispatch, shown, member, generation });

  useEffect(() => {
    generation.current += 1;
    dispatch({ type: 'reset', tag });
    void loadHead();
  }, [loadHead, tag]);

  const resync = (): void => {
    void loadHead();
    for (const parentId of Object.keys(shown.current.threads)) void loadThread(parentId, 'head');
  };
  const room = useCommunityRoom({ slug, role, handlers: roomHandlers({ dispatch, latest, resync }) });

  return {
    state,
    room,
    retry: () => {
      dispatch({ type: 'reset', tag });
      void loadHead();
    },
    loadMore,
    submit: (input) => submitPost(dispatch, slug, input),
    remove: (post) => removePost(dispatch, post),
    react: (post, kind) => toggleMyReaction(dispatch, post, kind),
    openThread: (parentId) => {
      dispatch({ type: 'threadOpened', parentId });
      void loadThread(parentId, 'head');
    },
    closeThread: (parentId) => dispatch({ type: 'threadClosed', parentId }),
    loadOlderReplies: (parentId) => void loadThread(parentId, 'older'),
  };
}
