// Loading feed pages and thread pages. Answers that arrive after the feed changed (another slug or tag) are dropped.
import { useCallback, type Dispatch, type RefObject } from 'react';
import type { Post } from '../../../server/contracts/api';
import { listPosts } from '../api/posts';
import type { FeedAction, FeedState } from './feedTypes';

export interface FeedLoadingOptions {
  slug: string;
  tag: string | null;
  dispatch: Dispatch<FeedAction>;
  /** The state as last rendered, for cursors. */
  shown: RefObject<FeedState>;
  /** Whether I am a member, who may have posts waiting. */
  member: RefObject<boolean>;
  /** Bumped when the feed changes; a load only applies if it is unchanged when the answer comes. */
  generation: RefObject<number>;
}

const ignoreFailure = (): null => null;

/** The loaders of a feed: its first page (merged into what is shown), older pages, and threads. */
export function useFeedLoading({ slug, tag, dispatch, shown, member, generation }: FeedLoadingOptions) {
  const current = useCallback(() => {
    const started = generation.current;
    return () => started === generation.current;
  }, [generation]);

  const loadHead = useCallback(async () => {
    const stillCurrent = current();
    try {
      const [page, pending] = await Promise.all([
        listPosts(slug, { tag }),
        member.current ? listPosts(slug, { status: 'pending' }).then((p) => p.items, ignoreFailure) : null,
      ]);
      if (stillCurrent()) dispatch({ type: 'headLoaded', page, pending });
    } catch (error) {
      if (stillCurrent()) dispatch({ type: 'headFailed', error });
    }
  }, [slug, tag, dispatch, member, current]);

  const loadMore = useCallback(() => {
    const { nextCursor, loadingMore } = shown.current;
    if (!nextCursor || loadingMore) return;
    const stillCurrent = current();
    dispatch({ type: 'moreStarted' });
    listPosts(slug, { tag, cursor: nextCursor }).then(
      (page) => stillCurrent() && dispatch({ type: 'moreLoaded', page }),
      (error: unknown) => stillCurrent() && dispatch({ type: 'moreFailed', error }),
    );
  }, [slug, tag, dispatch, shown, current]);

  const loadThread = useCallback(
    async (parentId: string, part: 'head' | 'older') => {
      const stillCurrent = current();
      const cursor = part === 'older' ? shown.current.threads[parentId]?.nextCursor : null;
      if (part === 'older') dispatch({ type: 'threadMoreStarted', parentId });
      const mineOnly = (page: { items: Post[] }): Post[] => page.items.filter((post) => post.parentId === parentId);
      try {
        const [page, pending] = await Promise.all([
          listPosts(slug, { parentId, cursor }),
          part === 'head' ? listPosts(slug, { parentId, status: 'pending' }).then(mineOnly, ignoreFailure) : null,
        ]);
        if (stillCurrent()) dispatch({ type: 'threadLoaded', parentId, page, pending, part });
      } catch (error) {
        if (stillCurrent()) dispatch({ type: 'threadFailed', parentId, error });
      }
    },
    [slug, dispatch, shown, current],
  );

  return { loadHead, loadMore, loadThread };
}
