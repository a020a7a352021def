// Pure helpers over newest-first lists of posts.
import type { Page, Post } from '../../../server/contracts/api';

/** When a post became visible, for ordering: its publication, else its creation. */
export const sortTime = (post: Post): string => post.publishedAt ?? post.createdAt;

/**
 * Takes a fresh copy from a room event. Room events go to everyone, so their `myReactions` is empty: keep mine.
 */
export function keepMine(fresh: Post, previous: Post | undefined): Post {
  return previous ? { ...fresh, myReactions: previous.myReactions } : fresh;
}

/** Replaces the post with the same id, if present. */
export function replaceIn(list: Post[], fresh: Post): Post[] {
  return list.some((post) => post.id === fresh.id)
    ? list.map((post) => (post.id === fresh.id ? keepMine(fresh, post) : post))
    : list;
}

/** Replaces the post, or puts it first when new. */
export function upsertFirst(list: Post[], fresh: Post): Post[] {
  const previous = list.find((post) => post.id === fresh.id);
  return previous ? replaceIn(list, fresh) : [fresh, ...list];
}

/** Drops a post by id. */
export const without = (list: Post[], id: string): Post[] => list.filter((post) => post.id !== id);

/** Applies a change to one post by id. */
export function updateIn(list: Post[], id: string, change: (post: Post) => Post): Post[] {
  return list.some((post) => post.id === id) ? list.map((post) => (post.id === id ? change(post) : post)) : list;
}

/**
 * Merges a freshly fetched first page into what is shown. The page is the truth down to its last post; older
 * posts already loaded stay, and so does their cursor. Posts missing from the page's range were removed meanwhile.
 */
export function mergeHead(shown: { items: Post[]; nextCursor: string | null }, head: Page<Post>) {
  const last = head.items.at(-1);
  const headIds = new Set(head.items.map((post) => post.id));
  const older = last ? shown.items.filter((post) => !headIds.has(post.id) && sortTime(post) < sortTime(last)) : [];
  // The fetched page is per caller, so its myReactions are right and replace what was shown.
  const items = head.items;
  if (!last) return { items: [], nextCursor: null };
  return older.length > 0
    ? { items: [...items, ...older], nextCursor: shown.nextCursor }
    : { items, nextCursor: head.nextCursor };
}

/** Appends an older page, skipping posts already shown. */
export function appendPage(items: Post[], page: Page<Post>): Post[] {
  const ids = new Set(items.map((post) => post.id));
  return [...items, ...page.items.filter((post) => !ids.has(post.id))];
}
