// A community's events for the list or one calendar month, kept live: broadcasts replace counts in place (keeping
// my own RSVP, which they never carry), and a resync re-reads the whole range.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommunityEvent, Role } from '../../../server/contracts/api';
import type { RoomState } from '../realtime/useCommunityRoom';
import { listCommunityEvents } from './api';
import { useEventLive } from './useEventLive';

export type EventListState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: CommunityEvent[]; nextCursor: string | null };

export interface EventList {
  state: EventListState;
  room: RoomState;
  loadMore: () => void;
  reload: () => void;
}

/** Loads events of `slug` in a range (none: the server's default, upcoming) and follows their changes. */
export function useEventList(options: { slug: string; role: Role | null; range: { from: string; to: string } | null }): EventList {
  const { slug, role, range } = options;
  const from = range?.from;
  const to = range?.to;
  const [state, setState] = useState<EventListState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    listCommunityEvents(slug, { from, to, limit: 100 }).then(
      (page) => {
        if (mine === generation.current) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor });
      },
      (error: unknown) => {
        if (mine === generation.current) setState((was) => (was.status === 'ready' ? was : { status: 'error', error }));
      },
    );
  }, [slug, from, to]);

  useEffect(() => {
    setState({ status: 'loading' });
    load();
  }, [load]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.nextCursor) return;
    const mine = generation.current;
    listCommunityEvents(slug, { from, to, limit: 100, cursor: state.nextCursor }).then(
      (page) => {
        if (mine !== generation.current) return;
        setState((was) => {
          if (was.status !== 'ready') return was;
          const known = new Set(was.items.map((e) => e.id));
          return { status: 'ready', items: [...was.items, ...page.items.filter((e) => !known.has(e.id))], nextCursor: page.nextCursor };
        });
      },
      () => undefined,
    );
  }, [slug, from, to, state]);

  const room = useEventLive({
    slug,
    role,
    onEvent: (fresh) =>
      setState((was) => {
        if (was.status !== 'ready') return was;
        const shown = was.items.find((e) => e.id === fresh.id);
        // A new or moved event may belong elsewhere in the order (or range): read the range again.
        if (!shown || shown.startsAt !== fresh.startsAt) {
          load();
          return was;
        }
        return { ...was, items: was.items.map((e) => (e.id === fresh.id ? { ...fresh, myRsvp: e.myRsvp } : e)) };
      }),
    onResync: () => load(),
  });

  return { state, room, loadMore, reload: load };
}
