// My notifications: the first page on load, new ones live from the socket, re-fetched after a reconnect.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../../server/contracts/api';
import { listNotifications, markNotificationsRead } from '../api/me';
import { useSocket } from '../realtime/RealtimeProvider';

export interface Notifications {
  items: Notification[];
  unread: number;
  status: 'loading' | 'ready' | 'error';
  nextCursor: string | null;
  loadMore: () => void;
  markAllRead: () => Promise<void>;
}

function mergeNewest(shown: Notification[], fresh: Notification[]): Notification[] {
  const ids = new Set(fresh.map((n) => n.id));
  return [...fresh, ...shown.filter((n) => !ids.has(n.id))].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The signed-in user's notifications. */
export function useNotifications(): Notifications {
  const socket = useSocket();
  const [items, setItems] = useState<Notification[]>([]);
  const [status, setStatus] = useState<Notifications['status']>('loading');
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const loadHead = useCallback(async () => {
    try {
      const page = await listNotifications();
      setItems((shown) => mergeNewest(shown, page.items));
      setNextCursor((cursor) => cursor ?? page.nextCursor);
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  useEffect(() => {
    void loadHead();
  }, [loadHead]);

  useEffect(() => {
    if (!socket) return undefined;
    const onNotification = ({ notification }: { notification: Notification }): void =>
      setItems((shown) => mergeNewest(shown, [notification]));
    // Every connect after the first means we were offline for a while.
    let connects = socket.connected ? 1 : 0;
    const onConnect = (): void => {
      connects += 1;
      if (connects > 1) void loadHead();
    };
    socket.on('notification', onNotification);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification', onNotification);
      socket.off('connect', onConnect);
    };
  }, [socket, loadHead]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    listNotifications({ cursor: nextCursor }).then(
      (page) => {
        setItems((shown) => mergeNewest(shown, page.items));
        setNextCursor(page.nextCursor);
      },
      () => undefined,
    );
  }, [nextCursor]);

  const markAllRead = useCallback(async () => {
    const ids = itemsRef.current.filter((n) => n.readAt === null).map((n) => n.id);
    if (ids.length === 0) return;
    const now = new Date().toISOString();
    setItems((shown) => shown.map((n) => (ids.includes(n.id) ? { ...n, readAt: now } : n)));
    await markNotificationsRead(ids);
  }, []);

  return { items, unread: items.filter((n) => n.readAt === null).length, status, nextCursor, loadMore, markAllRead };
}
