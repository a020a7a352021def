// One event kept current: broadcasts update its counts at once, then a GET re-reads my own RSVP (broadcasts carry
// none); a generation counter drops answers that an RSVP or a newer read has overtaken.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommunityEvent, Role } from '../../../server/contracts/api';
import type { RoomState } from '../realtime/useCommunityRoom';
import { getEvent } from './api';
import { useEventLive } from './useEventLive';

export interface LiveEvent {
  event: CommunityEvent;
  room: RoomState;
  /** Shows an event a write returned (RSVP, check-in, edit) and drops reads that started before it. */
  accept: (event: CommunityEvent) => void;
  refresh: () => void;
}

/** Follows one event, starting from what the screen already loaded. */
export function useLiveEvent({ initial, role }: { initial: CommunityEvent; role: Role | null }): LiveEvent {
  const [event, setEvent] = useState(initial);
  const generation = useRef(0);
  const id = initial.id;

  const refresh = useCallback(() => {
    generation.current += 1;
    const mine = generation.current;
    getEvent(id).then(
      (fresh) => {
        if (mine === generation.current) setEvent(fresh);
      },
      () => undefined,
    );
  }, [id]);

  const accept = useCallback((fresh: CommunityEvent) => {
    generation.current += 1;
    setEvent(fresh);
  }, []);

  // "Ended" is derived by the server when it answers; a page left open reads the event again once it ends, so
  // RSVP closes without anyone reloading. Timers beyond a day are not worth keeping (and overflow past ~24.8 days).
  const open = event.status === 'scheduled';
  const endsAt = event.endsAt;
  useEffect(() => {
    const endsIn = Date.parse(endsAt) - Date.now();
    if (!open || endsIn < 0 || endsIn > 86_400_000) return undefined;
    const timer = window.setTimeout(refresh, endsIn + 1_000);
    return () => window.clearTimeout(timer);
  }, [open, endsAt, refresh]);

  const room = useEventLive({
    slug: initial.communitySlug,
    role,
    onEvent: (fresh) => {
      if (fresh.id !== id) return;
      setEvent((shown) => ({ ...fresh, myRsvp: shown.myRsvp }));
      refresh();
    },
    onResync: (eventId) => {
      if (eventId === null || eventId === id) refresh();
    },
  });

  return { event, room, accept, refresh };
}
