// The paged list of all communities, newest first.
import { useCallback, useEffect, useState } from 'react';
import type { Community, Page } from '../../../server/contracts/api';
import { listCommunities } from '../api/communities';

export type CommunityList =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; page: Page<Community>; loadingMore: boolean; moreError: unknown };

/** Loads the first page on mount; `loadMore` appends the next one. */
export function useCommunityList(): { list: CommunityList; reload: () => void; loadMore: () => void } {
  const [list, setList] = useState<CommunityList>({ status: 'loading' });

  const reload = useCallback(() => {
    setList({ status: 'loading' });
    listCommunities().then(
      (page) => setList({ status: 'ready', page, loadingMore: false, moreError: null }),
      (error: unknown) => setList({ status: 'error', error }),
    );
  }, []);

  useEffect(reload, [reload]);

  const loadMore = (): void => {
    if (list.status !== 'ready' || !list.page.nextCursor || list.loadingMore) return;
    const shown = list.page;
    setList({ ...list, loadingMore: true, moreError: null });
    listCommunities({ cursor: shown.nextCursor }).then(
      (page) => {
        const ids = new Set(shown.items.map((c) => c.id));
        const items = [...shown.items, ...page.items.filter((c) => !ids.has(c.id))];
        setList({ status: 'ready', page: { items, nextCursor: page.nextCursor }, loadingMore: false, moreError: null });
      },
      (error: unknown) => setList({ status: 'ready', page: shown, loadingMore: false, moreError: error }),
    );
  };

  return { list, reload, loadMore };
}
