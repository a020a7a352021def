// Paths of the feedback screens: /c/:slug/feedback (send), /c/:slug/feedback/inbox (staff), /me/feedback[?id=] (mine).
export type FeedbackRoute = { name: 'send'; slug: string } | { name: 'inbox'; slug: string } | { name: 'mine'; focus: string | null };

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** The feedback route of a location, or null when it is another screen. */
export function matchFeedbackRoute(location: { pathname: string; search: string }): FeedbackRoute | null {
  const path = location.pathname.replace(/\/+$/, '');
  if (path === '/me/feedback') return { name: 'mine', focus: new URLSearchParams(location.search).get('id') || null };
  const match = /^\/c\/([^/]+)\/feedback(?:\/(inbox))?$/.exec(path);
  if (!match?.[1]) return null;
  const slug = decode(match[1]);
  if (slug === null) return null;
  return match[2] === 'inbox' ? { name: 'inbox', slug } : { name: 'send', slug };
}

/** The send form of a community. */
export const sendFeedbackPath = (slug: string): string => `/c/${encodeURIComponent(slug)}/feedback`;

/** The staff inbox of a community. */
export const feedbackInboxPath = (slug: string): string => `/c/${encodeURIComponent(slug)}/feedback/inbox`;

/** My feedback, optionally opened at one item. */
export const myFeedbackPath = (id?: string | null): string => (id ? `/me/feedback?id=${encodeURIComponent(id)}` : '/me/feedback');
