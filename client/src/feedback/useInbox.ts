// Loads the inbox for a view and keeps it live: joins the community's rooms (staff get `feedback:new`), adds new
// feedback where it belongs, and reads the list and counts again after every (re)join, whenever the view changes and
// when the tab comes back into view (other staff's replies and claims have no event of their own).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '../../../server/contracts/api';
import type { FeedbackPayload } from '../../../server/contracts/events';
import type { Feedback } from '../../../server/contracts/surveys';
import { useSocket } from '../realtime/RealtimeProvider';
import { useCommunityRoom, type RoomState } from '../realtime/useCommunityRoom';
import { listInbox } from './api';
import { arrived, changed, emptyInbox, loaded, seen, withCounts, type InboxState, type InboxView } from './inboxState';

export interface Inbox {
  state: InboxState;
  room: RoomState;
  error: unknown;
  loading: boolean;
  reload: () => void;
  loadMore: () => void;
  /** Applies an item the server returned to me (assign, reply, status, release, refresh). */
  apply: (item: Feedback) => void;
  markSeen: (id: string) => void;
}

const PAGE = 30;

export function useInbox(slug: string, role: Role, view: InboxView): Inbox {
  const socket = useSocket();
  const [state, setState] = useState<InboxState>(emptyInbox);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const latestView = useRef(view);
  useEffect(() => {
    latestView.current = view;
  });

  const { tab, kind, assignee, waitingHours, onlyOverdue } = view;
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    listInbox(slug, { tab, kind: kind ?? undefined, assignee: assignee ?? undefined, waitingHours: onlyOverdue ? waitingHours : undefined, limit: PAGE }).then(
      (page) => {
        if (mine !== generation.current) return;
        setError(null);
        setLoading(false);
        setState((current) => loaded(current, page, latestView.current, Date.now()));
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setLoading(false);
        setError(failure);
      },
    );
  }, [slug, tab, kind, assignee, waitingHours, onlyOverdue]);

  // A new view starts from an empty list: greyed leftovers belong to the view they were seen in.
  useEffect(() => {
    setState(emptyInbox);
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    const mine = generation.current;
    listInbox(slug, { tab, kind: kind ?? undefined, assignee: assignee ?? undefined, waitingHours: onlyOverdue ? waitingHours : undefined, cursor, limit: PAGE }).then(
      (page) => {
        if (mine === generation.current) setState((current) => loaded(current, page, latestView.current, Date.now(), true));
      },
      (failure: unknown) => setError(failure),
    );
  }, [slug, tab, kind, assignee, waitingHours, onlyOverdue, state.nextCursor]);

  const noop = useCallback(() => undefined, []);
  const latestReload = useRef(reload);
  useEffect(() => {
    latestReload.current = reload;
  });
  const onJoined = useCallback(() => latestReload.current(), []);
  const room = useCommunityRoom({ slug, role, handlers: { onPublished: noop, onUpdated: noop, onRemoved: noop, onJoined } });

  useEffect(() => {
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') latestReload.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  useEffect(() => {
    if (!socket) return undefined;
    // The item shows at once; the counts are then read again (once for a burst), since an arrival may also be a
    // release from "held" by someone else, which only the server's counts know.
    let timer: number | undefined;
    const recount = (): void => {
      listInbox(slug, { tab: 'new', limit: 1 }).then(
        (page) => setState((current) => withCounts(current, page.counts)),
        () => undefined,
      );
    };
    const onNew = (payload: FeedbackPayload): void => {
      if (payload.communitySlug !== slug) return;
      setState((current) => arrived(current, payload.feedback, latestView.current, Date.now()));
      window.clearTimeout(timer);
      timer = window.setTimeout(recount, 1_000);
    };
    socket.on('feedback:new', onNew);
    return () => {
      window.clearTimeout(timer);
      socket.off('feedback:new', onNew);
    };
  }, [socket, slug]);

  const apply = useCallback((item: Feedback) => setState((current) => changed(current, item, latestView.current, Date.now())), []);
  const markSeen = useCallback((id: string) => setState((current) => seen(current, id)), []);

  return { state, room, error, loading, reload, loadMore, apply, markSeen };
}
