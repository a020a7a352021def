// My feedback, newest first, kept current: a `feedback_reply` notification (or a reconnect) reads the list again, and
// items whose replies grew since I opened the page are marked as having a new reply.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NotificationPayload } from '../../../server/contracts/events';
import type { Feedback } from '../../../server/contracts/surveys';
import { useSocket } from '../realtime/RealtimeProvider';
import { listMyFeedback } from './api';

export interface MyFeedback {
  items: Feedback[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  nextCursor: string | null;
  /** Items that got a reply while this page was open. */
  newReplies: string[];
  reload: () => void;
  loadMore: () => void;
}

const newestFirst = (a: Feedback, b: Feedback): number => b.createdAt.localeCompare(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Merges a fresh page into what is shown; a fresh copy of an item replaces the shown one. */
export function mergeMine(shown: Feedback[], fresh: Feedback[]): Feedback[] {
  const ids = new Set(fresh.map((item) => item.id));
  return [...fresh, ...shown.filter((item) => !ids.has(item.id))].sort(newestFirst);
}

/** Ids whose reply count grew from `before` to `after`. */
export function repliedSince(before: Feedback[], after: Feedback[]): string[] {
  const counts = new Map(before.map((item) => [item.id, item.replies.length]));
  return after.filter((item) => counts.has(item.id) && item.replies.length > (counts.get(item.id) ?? 0)).map((item) => item.id);
}

export function useMyFeedback(): MyFeedback {
  const socket = useSocket();
  const [items, setItems] = useState<Feedback[]>([]);
  const [status, setStatus] = useState<MyFeedback['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [newReplies, setNewReplies] = useState<string[]>([]);
  const shown = useRef<Feedback[]>([]);
  const generation = useRef(0);

  const apply = useCallback((fresh: Feedback[]) => {
    const grew = repliedSince(shown.current, fresh);
    const merged = mergeMine(shown.current, fresh);
    shown.current = merged;
    setItems(merged);
    if (grew.length > 0) setNewReplies((was) => [...new Set([...was, ...grew])]);
  }, []);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    listMyFeedback({ limit: 50 }).then(
      (page) => {
        if (mine !== generation.current) return;
        apply(page.items);
        setNextCursor((cursor) => cursor ?? page.nextCursor);
        setStatus('ready');
        setError(null);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure);
        setStatus((was) => (was === 'ready' ? was : 'error'));
      },
    );
  }, [apply]);

  useEffect(() => {
    reload();
  }, [reload]);

  useEffect(() => {
    if (!socket) return undefined;
    const onNotification = ({ notification }: NotificationPayload): void => {
      if (notification.kind === 'feedback_reply') reload();
    };
    let connects = socket.connected ? 1 : 0;
    const onConnect = (): void => {
      connects += 1;
      if (connects > 1) reload();
    };
    socket.on('notification', onNotification);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification', onNotification);
      socket.off('connect', onConnect);
    };
  }, [socket, reload]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    listMyFeedback({ cursor: nextCursor, limit: 50 }).then(
      (page) => {
        apply(page.items);
        setNextCursor(page.nextCursor);
      },
      (failure: unknown) => setError(failure),
    );
  }, [nextCursor, apply]);

  return { items, status, error, nextCursor, newReplies, reload, loadMore };
}
