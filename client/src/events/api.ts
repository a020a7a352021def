// The events part of the HTTP contract (see /work/shared/api.md, Events): list, read, write, RSVP, attendees,
// check-in, my events and the private calendar feed.
import type { Attendee, CommunityEvent, Page, Rsvp, RsvpAnswer, RsvpStatus } from '../../../server/contracts/api';
import { requestJson, requestVoid } from '../api/http';

/** The create body; the edit form builds the same and sends only what changed. */
export interface EventInput {
  title: string;
  description?: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  location?: string | null;
  onlineUrl?: string | null;
  capacity?: number | null;
  reminders?: number[];
}

/** The edit body: any create field, nulls clear, `sequence` is the version the editor loaded. */
export type EventPatch = Partial<EventInput> & { sequence?: number };

/** The feed's URLs come only in the answer that makes them: the server keeps a hash, so a later GET has nulls. */
export interface CalendarFeed {
  url: string | null;
  webcalUrl: string | null;
  createdAt: string;
}

const eventPath = (id: string): string => `/api/events/${encodeURIComponent(id)}`;
const communityEventsPath = (slug: string): string => `/api/communities/${encodeURIComponent(slug)}/events`;

/** A community's events ascending by start; without `from` the server starts a day ago. */
export function listCommunityEvents(
  slug: string,
  query: { from?: string; to?: string; cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<Page<CommunityEvent>> {
  return requestJson<Page<CommunityEvent>>('GET', communityEventsPath(slug), { query, signal });
}

/** One event with my own RSVP. */
export async function getEvent(id: string, signal?: AbortSignal): Promise<CommunityEvent> {
  return (await requestJson<{ event: CommunityEvent }>('GET', eventPath(id), { signal })).event;
}

/** Creates an event (managers). */
export async function createEvent(slug: string, input: EventInput): Promise<CommunityEvent> {
  return (await requestJson<{ event: CommunityEvent }>('POST', communityEventsPath(slug), { body: input })).event;
}

/** Edits an event (managers); 409 version_conflict when it changed since `sequence`. */
export async function updateEvent(id: string, patch: EventPatch): Promise<CommunityEvent> {
  return (await requestJson<{ event: CommunityEvent }>('PATCH', eventPath(id), { body: patch })).event;
}

/** Cancels an event (managers). */
export async function cancelEvent(id: string): Promise<CommunityEvent> {
  return (await requestJson<{ event: CommunityEvent }>('POST', `${eventPath(id)}/cancel`)).event;
}

/** Answers an event; `going` may come back `waitlisted` with a position. */
export function rsvp(id: string, status: RsvpAnswer): Promise<{ rsvp: Rsvp; event: CommunityEvent }> {
  return requestJson<{ rsvp: Rsvp; event: CommunityEvent }>('PUT', `${eventPath(id)}/rsvp`, { body: { status } });
}

/** One page of the attendee list (moderators): going, then the waitlist in order, then interested. */
export function listAttendeesPage(
  id: string,
  query: { q?: string; status?: RsvpStatus; limit?: number; cursor?: string } = {},
  signal?: AbortSignal,
): Promise<{ items: Attendee[]; nextCursor: string | null }> {
  return requestJson<{ items: Attendee[]; nextCursor: string | null }>('GET', `${eventPath(id)}/attendees`, { query, signal });
}

/** Pages the check-in screen reads at most (500 each); beyond them the door finds people by search. */
const ATTENDEE_PAGES = 4;

/** The attendee list for the check-in screen: up to ATTENDEE_PAGES pages of 500, in door order. */
export async function listAttendees(
  id: string,
  query: { q?: string; status?: RsvpStatus } = {},
  signal?: AbortSignal,
): Promise<Attendee[]> {
  const items: Attendee[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < ATTENDEE_PAGES; page++) {
    const next = await listAttendeesPage(id, { ...query, limit: 500, ...(cursor ? { cursor } : {}) }, signal);
    items.push(...next.items);
    if (!next.nextCursor) break;
    cursor = next.nextCursor;
  }
  return items;
}

/** Checks a going member in by user id or by the code of their QR (moderators). */
export function checkIn(id: string, by: { userId: string } | { code: string }): Promise<{ attendee: Attendee; event: CommunityEvent }> {
  return requestJson<{ attendee: Attendee; event: CommunityEvent }>('POST', `${eventPath(id)}/checkins`, { body: by });
}

/** Undoes a mistaken check-in (moderators). */
export function undoCheckIn(id: string, userId: string): Promise<{ attendee: Attendee; event: CommunityEvent }> {
  return requestJson<{ attendee: Attendee; event: CommunityEvent }>(
    'DELETE',
    `${eventPath(id)}/checkins/${encodeURIComponent(userId)}`,
  );
}

/** My upcoming events (going, waitlisted or interested), ascending. */
export async function listMyEvents(signal?: AbortSignal): Promise<CommunityEvent[]> {
  return (await requestJson<{ items: CommunityEvent[] }>('GET', '/api/me/events', { signal })).items;
}

/** The .ics download of one event (a plain link: the session cookie goes with it). */
export const eventIcsUrl = (id: string): string => `${eventPath(id)}/ics`;

/** My private calendar feed, or null when I have none. */
export async function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeed | null> {
  return (await requestJson<{ feed: CalendarFeed | null }>('GET', '/api/me/calendar-feed', { signal })).feed;
}

/** Creates my feed, or rotates it: the old URL stops working. */
export async function createCalendarFeed(): Promise<CalendarFeed> {
  return (await requestJson<{ feed: CalendarFeed }>('POST', '/api/me/calendar-feed')).feed;
}

/** Revokes my feed. */
export function deleteCalendarFeed(): Promise<void> {
  return requestVoid('DELETE', '/api/me/calendar-feed');
}
