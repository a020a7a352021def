// Scheduled posts and the content calendar (see /work/shared/api.md, Posts).
import type { CommunityEvent, Post } from '../../../server/contracts/api';
import { requestJson } from '../api/http';

export interface CalendarPage {
  scheduledPosts: Post[];
  events: CommunityEvent[];
}

const postPath = (id: string): string => `/api/posts/${encodeURIComponent(id)}`;

/** Scheduled posts (by publish time) and events (by start) in [from, to); managers only. */
export function getCalendar(slug: string, range: { from: string; to: string }, signal?: AbortSignal): Promise<CalendarPage> {
  return requestJson<CalendarPage>('GET', `/api/communities/${encodeURIComponent(slug)}/calendar`, { query: range, signal });
}

/** Moves a scheduled post (author or manager); a time not in the future publishes it now. */
export async function reschedulePost(id: string, publishAt: string): Promise<Post> {
  return (await requestJson<{ post: Post }>('PATCH', postPath(id), { body: { publishAt } })).post;
}

/** Cancels a scheduled post: it becomes deleted and is never published. */
export async function cancelSchedule(id: string): Promise<Post> {
  return (await requestJson<{ post: Post }>('POST', `${postPath(id)}/cancel-schedule`)).post;
}
