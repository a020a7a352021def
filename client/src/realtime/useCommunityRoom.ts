// Joins a community's rooms and routes its post events to the caller. After every (re)connect it joins again and
// reports it, so the feed can re-fetch its head instead of trusting that nothing was missed while offline.
import { useEffect, useRef, useState } from 'react';
import type { Post, Role } from '../../../server/contracts/api';
import type { MembershipPayload, PostPayload } from '../../../server/contracts/events';
import { useSocket } from './RealtimeProvider';

export interface RoomHandlers {
  onPublished: (post: Post) => void;
  onUpdated: (post: Post) => void;
  onRemoved: (post: Post) => void;
  /** Called after each successful join: the first one and every one after a reconnect. */
  onJoined: () => void;
}

/** idle: not a member; connecting: first join pending; reconnecting: was joined, connection lost. */
export type RoomState = 'idle' | 'connecting' | 'joined' | 'reconnecting' | 'failed';

export interface RoomOptions {
  slug: string;
  /** My role; rooms are per role, so a change (joining, promotion) joins again. Null: not a member, no rooms. */
  role: Role | null;
  handlers: RoomHandlers;
}

/** Keeps the socket in the community's rooms while mounted; returns whether it is in them now. */
export function useCommunityRoom({ slug, role, handlers }: RoomOptions): RoomState {
  const socket = useSocket();
  const [state, setState] = useState<RoomState>('connecting');
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!socket || role === null) {
      setState('idle');
      return undefined;
    }
    let active = true;
    const join = (): void => {
      socket.emit('community:join', { slug }, (reply) => {
        if (!active) return;
        setState(reply.ok ? 'joined' : 'failed');
        if (reply.ok) latest.current.onJoined();
      });
    };
    const onDisconnect = (): void => setState((was) => (was === 'joined' ? 'reconnecting' : was));
    // The server has already taken this socket out of rooms I lost; join again for what my new role allows.
    const onMembership = (payload: MembershipPayload): void => {
      if (payload.communitySlug !== slug) return;
      if (payload.role === null) setState('idle');
      else join();
    };
    const route =
      (pick: (h: RoomHandlers) => (post: Post) => void) =>
      (payload: PostPayload): void => {
        if (payload.communitySlug === slug) pick(latest.current)(payload.post);
      };
    const published = route((h) => h.onPublished);
    const updated = route((h) => h.onUpdated);
    const removed = route((h) => h.onRemoved);

    socket.on('connect', join);
    socket.on('disconnect', onDisconnect);
    socket.on('membership:changed', onMembership);
    socket.on('post:published', published);
    socket.on('post:updated', updated);
    socket.on('post:removed', removed);
    if (socket.connected) join();

    return () => {
      active = false;
      setState('connecting');
      socket.off('connect', join);
      socket.off('disconnect', onDisconnect);
      socket.off('membership:changed', onMembership);
      socket.off('post:published', published);
      socket.off('post:updated', updated);
      socket.off('post:removed', removed);
      if (socket.connected) socket.emit('community:leave', { slug }, () => undefined);
    };
  }, [socket, slug, role]);

  return state;
}
