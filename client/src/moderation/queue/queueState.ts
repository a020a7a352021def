// The console's list: open items oldest first, kept live. Items decided elsewhere stay, greyed, instead of vanishing.
import type { ModerationItem } from '../../../../server/contracts/api';

export interface QueueState {
  items: ModerationItem[];
  open: number;
  escalated: number;
}

export const emptyQueue: QueueState = { items: [], open: 0, escalated: 0 };

const byOpened = (a: ModerationItem, b: ModerationItem): number =>
  a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A fresh server page replaces the open items; resolved ones already on screen stay greyed. Counts are the server's. */
export function loaded(state: QueueState, page: { items: ModerationItem[]; counts: { open: number; escalated: number } }): QueueState {
  const fresh = new Map(page.items.map((item) => [item.id, item]));
  const keep = state.items.filter((item) => !fresh.has(item.id) && item.state !== 'open');
  return { items: [...page.items, ...keep].sort(byOpened), open: page.counts.open, escalated: page.counts.escalated };
}

/** queue:item_opened: append (or refresh) an item. */
export function opened(state: QueueState, item: ModerationItem): QueueState {
  const existing = state.items.find((i) => i.id === item.id);
  if (existing) return updated(state, item);
  return { ...state, items: [...state.items, item].sort(byOpened), open: state.open + (item.state === 'open' ? 1 : 0) };
}

/** queue:item_updated (or my own decision): update in place; a newer version never loses to an older one. */
export function updated(state: QueueState, item: ModerationItem): QueueState {
  const index = state.items.findIndex((i) => i.id === item.id);
  if (index === -1) return item.state === 'open' ? opened(state, item) : state;
  const before = state.items[index];
  if (!before || before.version > item.version) return state;
  const merged: ModerationItem = { ...before, ...item, post: item.post ?? before.post };
  const items = state.items.slice();
  items[index] = merged;
  const delta = (merged.state === 'open' ? 1 : 0) - (before.state === 'open' ? 1 : 0);
  const escDelta = (merged.state === 'open' && merged.escalated ? 1 : 0) - (before.state === 'open' && before.escalated ? 1 : 0);
  return { items, open: Math.max(0, state.open + delta), escalated: Math.max(0, state.escalated + escDelta) };
}
