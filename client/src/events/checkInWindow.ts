// When check-in is possible: from 24 hours before the start until 24 hours after the end (the server's
// CHECKIN_WINDOW_MS in server/commands/checkInAttendee.ts refuses anything else with checkin_closed). The screens say
// so up front and disable their controls instead of letting a moderator type codes that are refused.
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import type { CommunityEvent, Locale } from '../../../server/contracts/api';
import { zoneLabel } from './zones';

export const CHECKIN_WINDOW_MS = 24 * 3_600_000;

export type CheckInPhase = 'before' | 'open' | 'after' | 'cancelled';

export interface CheckInWindow {
  phase: CheckInPhase;
  opensAt: string;
  closesAt: string;
}

type WindowEvent = Pick<CommunityEvent, 'startsAt' | 'endsAt' | 'status'>;

/** Where `now` falls in the event's check-in window. */
export function checkInWindow(event: WindowEvent, now: Date): CheckInWindow {
  const opens = Date.parse(event.startsAt) - CHECKIN_WINDOW_MS;
  const closes = Date.parse(event.endsAt) + CHECKIN_WINDOW_MS;
  const t = now.getTime();
  const phase: CheckInPhase = event.status === 'cancelled' ? 'cancelled' : t < opens ? 'before' : t > closes ? 'after' : 'open';
  return { phase, opensAt: new Date(opens).toISOString(), closesAt: new Date(closes).toISOString() };
}

const INTL_TAGS: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "Jum, 11 Des 2026, 10.00 WIB": one instant in the event's zone, with the zone's name. */
export function formatInstantIn(input: { iso: string; zone: string; locale: Locale }): string {
  const at = DateTime.fromISO(input.iso).setZone(input.zone).setLocale(INTL_TAGS[input.locale]);
  const day = at.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = at.toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${day}, ${time} ${zoneLabel(input.zone, input.iso)}`;
}

/** The window now, re-evaluated when it opens or closes while the screen stays open (within a day; timers cap). */
export function useCheckInWindow(event: WindowEvent): CheckInWindow {
  const [now, setNow] = useState(() => new Date());
  const current = checkInWindow(event, now);
  const next = current.phase === 'before' ? current.opensAt : current.phase === 'open' ? current.closesAt : null;
  useEffect(() => {
    if (next === null) return undefined;
    const wait = Date.parse(next) - Date.now();
    if (wait > 86_400_000) return undefined;
    const timer = window.setTimeout(() => setNow(new Date()), Math.max(0, wait) + 1_000);
    return () => window.clearTimeout(timer);
  }, [next]);
  return current;
}
