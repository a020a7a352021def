// Loads the open queue and keeps it live: joins the community's rooms (moderator role), appends opened items,
// updates items in place, and re-fetches list and counter from the server after every (re)connect.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModerationItem, Post, Role } from '../../../../server/contracts/api';
import type { QueueItemPayload } from '../../../../server/contracts/events';
import { useSocket } from '../../realtime/RealtimeProvider';
import { useCommunityRoom, type RoomState } from '../../realtime/useCommunityRoom';
import { getQueue } from '../api';
import { emptyQueue, loaded, opened, updated, type QueueState } from './queueState';

export interface Queue {
  state: QueueState;
  room: RoomState;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Applies an item I got from the server (claim, decision, conflict). */
  apply: (item: ModerationItem, post?: Post) => void;
}

export function useQueue(slug: string, role: Role): Queue {
  const socket = useSocket();
  const [state, setState] = useState<QueueState>(emptyQueue);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    getQueue(slug).then(
      (page) => {
        if (mine !== generation.current) return;
        setError(null);
        setLoading(false);
        setState((current) => loaded(current, page));
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setLoading(false);
        setError(failure);
      },
    );
  }, [slug]);

  const noop = useCallback(() => undefined, []);
  // onJoined fires on the first join and after every reconnect: the counter and list come from the server again.
  const room = useCommunityRoom({ slug, role, handlers: { onPublished: noop, onUpdated: noop, onRemoved: noop, onJoined: reload } });

  useEffect(() => {
    if (!socket) return undefined;
    const withPost = (payload: QueueItemPayload): ModerationItem => ({ ...payload.item, post: payload.item.post ?? payload.post });
    const onOpened = (payload: QueueItemPayload): void => {
      if (payload.communitySlug === slug) setState((s) => opened(s, withPost(payload)));
    };
    const onUpdated = (payload: QueueItemPayload): void => {
      if (payload.communitySlug === slug) setState((s) => updated(s, withPost(payload)));
    };
    socket.on('queue:item_opened', onOpened);
    socket.on('queue:item_updated', onUpdated);
    return () => {
      socket.off('queue:item_opened', onOpened);
      socket.off('queue:item_updated', onUpdated);
    };
  }, [socket, slug]);

  const apply = useCallback((item: ModerationItem, post?: Post) => {
    setState((s) => updated(s, { ...item, post: post ?? item.post }));
  }, []);

  return { state, room, error, loading, reload, apply };
}
