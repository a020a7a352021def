// Keeps an events screen live: joins the community's rooms (through useCommunityRoom), passes on `event:updated`
// for the community, and asks for a resync after every (re)join and when a notification says my RSVP moved
// (promoted from the waitlist, event cancelled), since broadcasts never carry my own RSVP.
import { useEffect, useRef } from 'react';
import type { CommunityEvent, Role } from '../../../server/contracts/api';
import type { EventPayload, NotificationPayload } from '../../../server/contracts/events';
import { useSocket } from '../realtime/RealtimeProvider';
import { useCommunityRoom, type RoomState } from '../realtime/useCommunityRoom';

export interface EventLiveOptions {
  slug: string;
  role: Role | null;
  /** A fresh event from the community room; its myRsvp is null. */
  onEvent: (event: CommunityEvent) => void;
  /** Re-read what the screen shows (after a reconnect, or when my own RSVP changed). */
  onResync: (eventId: string | null) => void;
}

const EVENT_NOTIFICATIONS = new Set(['event_promoted', 'event_cancelled']);
const ignore = (): void => undefined;

/** Subscribes a screen to its community's event updates; returns the room state. */
export function useEventLive({ slug, role, onEvent, onResync }: EventLiveOptions): RoomState {
  const socket = useSocket();
  const latest = useRef({ onEvent, onResync });
  useEffect(() => {
    latest.current = { onEvent, onResync };
  });

  const room = useCommunityRoom({
    slug,
    role,
    handlers: { onPublished: ignore, onUpdated: ignore, onRemoved: ignore, onJoined: () => latest.current.onResync(null) },
  });

  useEffect(() => {
    if (!socket) return undefined;
    const onUpdated = (payload: EventPayload): void => {
      if (payload.communitySlug === slug) latest.current.onEvent(payload.event);
    };
    const onNotification = ({ notification }: NotificationPayload): void => {
      if (!EVENT_NOTIFICATIONS.has(notification.kind)) return;
      const eventId = notification.data.eventId;
      latest.current.onResync(typeof eventId === 'string' ? eventId : null);
    };
    socket.on('event:updated', onUpdated);
    socket.on('notification', onNotification);
    return () => {
      socket.off('event:updated', onUpdated);
      socket.off('notification', onNotification);
    };
  }, [socket, slug]);

  return room;
}
