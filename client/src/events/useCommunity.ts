// The community an events screen belongs to: its name for the header and my role for what the screen offers.
import { useEffect, useState } from 'react';
import type { Community } from '../../../server/contracts/api';
import { getCommunity } from '../api/communities';

export type CommunityState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; community: Community };

/** Loads a community by slug (null: wait, the slug is not known yet). */
export function useCommunity(slug: string | null): CommunityState {
  const [state, setState] = useState<CommunityState>({ status: 'loading' });
  useEffect(() => {
    if (slug === null) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    getCommunity(slug, controller.signal).then(
      (community) => setState({ status: 'ready', community }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [slug]);
  return state;
}
