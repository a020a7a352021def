// The feedback part of the HTTP contract (see /work/shared/api.md, "Surveys and feedback"): sending, my own, and the
// staff inbox (list with counts, one item, assign, status, reply, release of held feedback).
import type { Feedback, FeedbackKind, FeedbackStatus } from '../../../server/contracts/surveys';
import { requestJson } from '../api/http';

export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['question', 'suggestion', 'problem'];
export const FEEDBACK_STATUSES: readonly FeedbackStatus[] = ['new', 'in_progress', 'resolved'];

/** The longest body (and reply) the forms let through, as the server's schema (FEEDBACK_BODY_MAX). */
export const FEEDBACK_MAX_LENGTH = 5000;

/** Inbox tabs: the three statuses, plus feedback the checker held. */
export type InboxTab = FeedbackStatus | 'held';
export const INBOX_TABS: readonly InboxTab[] = ['new', 'in_progress', 'resolved', 'held'];

export type InboxCounts = Record<InboxTab, number>;

/** The inbox filters the server understands. `assignee`: me, nobody, or everyone (undefined). */
export interface InboxQuery {
  tab: InboxTab;
  kind?: FeedbackKind;
  assignee?: 'me' | 'none';
  /** Only unanswered items older than this many hours. */
  waitingHours?: number;
  cursor?: string | null;
  limit?: number;
}

export interface InboxPage {
  items: Feedback[];
  nextCursor: string | null;
  counts: InboxCounts;
}

/** The patch body: what changes, and the version the caller saw. */
export interface FeedbackPatch {
  status?: FeedbackStatus;
  reply?: string;
  assignee?: 'me' | null;
  screening?: 'clear';
  version?: number;
}

const communityFeedbackPath = (slug: string): string => `/api/communities/${encodeURIComponent(slug)}/feedback`;
const feedbackPath = (id: string): string => `/api/feedback/${encodeURIComponent(id)}`;

/** Sends a question, suggestion or problem (members). */
export async function sendFeedback(slug: string, input: { kind: FeedbackKind; body: string }): Promise<Feedback> {
  return (await requestJson<{ feedback: Feedback }>('POST', communityFeedbackPath(slug), { body: input })).feedback;
}

const zeroCounts: InboxCounts = { new: 0, in_progress: 0, resolved: 0, held: 0 };

/** Reads counts defensively: a missing one is 0. */
export function readCounts(value: unknown): InboxCounts {
  if (typeof value !== 'object' || value === null) return { ...zeroCounts };
  const source = value as Record<string, unknown>;
  const pick = (key: InboxTab): number => {
    const n = source[key];
    return typeof n === 'number' && Number.isFinite(n) ? n : 0;
  };
  return { new: pick('new'), in_progress: pick('in_progress'), resolved: pick('resolved'), held: pick('held') };
}

/** One page of the inbox (moderators and up) with the counts of every tab. */
export async function listInbox(slug: string, query: InboxQuery, signal?: AbortSignal): Promise<InboxPage> {
  const { tab, kind, assignee, waitingHours, cursor, limit } = query;
  const page = await requestJson<{ items: Feedback[]; nextCursor: string | null; counts?: unknown }>('GET', communityFeedbackPath(slug), {
    query: {
      ...(tab === 'held' ? { screening: 'held' } : { status: tab }),
      kind,
      assignee,
      waitingHours,
      cursor,
      limit,
    },
    signal,
  });
  return { items: page.items, nextCursor: page.nextCursor ?? null, counts: readCounts(page.counts) };
}

/** One feedback item with its conversation. */
export async function getFeedback(id: string, signal?: AbortSignal): Promise<Feedback> {
  return (await requestJson<{ feedback: Feedback }>('GET', feedbackPath(id), { signal })).feedback;
}

/** Changes an item: assign, status, reply, release; 409 already_claimed / version_conflict when someone was first. */
export async function patchFeedback(id: string, patch: FeedbackPatch): Promise<Feedback> {
  return (await requestJson<{ feedback: Feedback }>('PATCH', feedbackPath(id), { body: patch })).feedback;
}

/** My own feedback, newest first, with the replies. */
export function listMyFeedback(query: { cursor?: string | null; limit?: number } = {}, signal?: AbortSignal): Promise<{ items: Feedback[]; nextCursor: string | null }> {
  return requestJson<{ items: Feedback[]; nextCursor: string | null }>('GET', '/api/me/feedback', { query, signal });
}
