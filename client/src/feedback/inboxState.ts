// The inbox list as a pure reducer: server pages, live arrivals (`feedback:new`) and my own changes, kept in the
// inbox's order, the server's: those still waiting for a first answer, oldest first (so anything past the limit
// leads), then everything else (answered, resolved) newest first. An item that leaves the tab (resolved, released,
// moved by me) stays greyed where it was instead of vanishing mid-read.
import type { Feedback } from '../../../server/contracts/surveys';
import type { InboxCounts, InboxPage, InboxTab } from './api';
import { isOverdue, isWaiting } from './waiting';

export interface InboxView {
  tab: InboxTab;
  kind: Feedback['kind'] | null;
  assignee: 'me' | 'none' | null;
  /** The limit in hours past which a waiting item is highlighted and comes first. */
  waitingHours: number;
  /** Only the items past the limit. */
  onlyOverdue: boolean;
  /** Who "me" is, for the assignee filter. */
  meId: string;
}

export interface InboxState {
  items: Feedback[];
  counts: InboxCounts;
  nextCursor: string | null;
  /** Items that arrived live since the list was loaded (highlighted until opened). */
  fresh: string[];
}

export const emptyInbox: InboxState = { items: [], counts: { new: 0, in_progress: 0, resolved: 0, held: 0 }, nextCursor: null, fresh: [] };

/** The tab an item belongs to: held feedback waits apart from the statuses until a moderator releases it. */
export function tabOf(item: Pick<Feedback, 'screening' | 'status'>): InboxTab {
  return item.screening === 'held' ? 'held' : item.status;
}

/** Whether an item belongs in the list of a view. */
export function matchesView(item: Feedback, view: InboxView, now: number): boolean {
  if (tabOf(item) !== view.tab) return false;
  if (view.kind && item.kind !== view.kind) return false;
  if (view.assignee === 'me' && item.assignee?.id !== view.meId) return false;
  if (view.assignee === 'none' && item.assignee !== null) return false;
  if (view.onlyOverdue && !isOverdue(item, now, view.waitingHours)) return false;
  return true;
}

const time = (iso: string | null | undefined): number => {
  const parsed = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
};

const byId = (a: Feedback, b: Feedback): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The inbox order (see the file's header); past the limit first is implied by oldest first, and kept explicit. */
export function compareInbox(now: number, waitingHours: number): (a: Feedback, b: Feedback) => number {
  const rank = (item: Feedback): number => (isOverdue(item, now, waitingHours) ? 0 : isWaiting(item) ? 1 : 2);
  return (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 2) return time(b.createdAt) - time(a.createdAt) || byId(b, a);
    return time(a.createdAt) - time(b.createdAt) || byId(a, b);
  };
}

function sorted(items: Feedback[], view: InboxView, now: number): Feedback[] {
  return items.slice().sort(compareInbox(now, view.waitingHours));
}

/**
 * A server page. The first page replaces the list, keeping only the greyed items I moved out of this tab; a next
 * page (`append`) adds to it. The counts are the server's.
 */
export function loaded(state: InboxState, page: InboxPage, view: InboxView, now: number, append = false): InboxState {
  const fresh = new Map(page.items.map((item) => [item.id, item]));
  const keep = state.items.filter((item) => !fresh.has(item.id) && (append || tabOf(item) !== view.tab));
  return {
    items: sorted([...keep, ...page.items], view, now),
    counts: page.counts,
    nextCursor: page.nextCursor,
    fresh: append ? state.fresh : state.fresh.filter((id) => keep.some((item) => item.id === id)),
  };
}

function shift(counts: InboxCounts, from: InboxTab | null, to: InboxTab | null): InboxCounts {
  if (from === to) return counts;
  const next = { ...counts };
  if (from) next[from] = Math.max(0, next[from] - 1);
  if (to) next[to] += 1;
  return next;
}

/** `feedback:new`: counts it in its tab, and shows it at its place when it fits the view. */
export function arrived(state: InboxState, item: Feedback, view: InboxView, now: number): InboxState {
  if (state.items.some((shown) => shown.id === item.id)) return changed(state, item, view, now);
  const counts = shift(state.counts, null, tabOf(item));
  if (!matchesView(item, view, now)) return { ...state, counts };
  return { ...state, counts, items: sorted([...state.items, item], view, now), fresh: [...state.fresh, item.id] };
}

/**
 * An item as the server now has it (my assign, reply, status change, release, or a refresh). A newer version
 * never loses to an older one; moving between tabs moves one count; the item stays where it is, greyed if it left.
 */
export function changed(state: InboxState, item: Feedback, view: InboxView, now: number): InboxState {
  const index = state.items.findIndex((shown) => shown.id === item.id);
  if (index === -1) {
    if (!matchesView(item, view, now)) return state;
    return { ...state, items: sorted([...state.items, item], view, now) };
  }
  const before = state.items[index];
  if (!before || (before.version ?? 0) > (item.version ?? 0)) return state;
  const items = state.items.slice();
  items[index] = item;
  return { ...state, items, counts: shift(state.counts, tabOf(before), tabOf(item)) };
}

/** The server's counts, read again (after live arrivals: a release from "held" elsewhere moves two counts). */
export function withCounts(state: InboxState, counts: InboxCounts): InboxState {
  return { ...state, counts };
}

/** Forgets the "new" highlight of an item once it is opened. */
export function seen(state: InboxState, id: string): InboxState {
  return state.fresh.includes(id) ? { ...state, fresh: state.fresh.filter((x) => x !== id) } : state;
}

/** Whether a shown item has left the view's tab (shown greyed, with where it went). */
export const hasLeft = (item: Feedback, view: InboxView): boolean => tabOf(item) !== view.tab;
