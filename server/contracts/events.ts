// Socket.IO events of the contract. Every payload carries communitySlug and the full object it names.
import type { CommunityEvent, ModerationItem, Notification, Post, Role } from './api';
import type { Feedback } from './surveys';

export interface CommunityJoinRequest {
  slug: string;
}
export type Ack = { ok: true; role?: string } | { ok: false; error: { code: string; message: string } };

export interface PostPayload {
  communitySlug: string;
  post: Post;
}
export interface HeldPayload extends PostPayload {
  itemId: string;
  reasons: ModerationItem['reasons'];
}
export interface QueueItemPayload {
  communitySlug: string;
  item: ModerationItem;
  post: Post;
}
export interface NotificationPayload {
  communitySlug: string | null;
  notification: Notification;
}
/** My standing in a community changed; the server has already taken this connection out of rooms I lost. */
export interface MembershipPayload {
  communitySlug: string;
  /** My role now, or null when I am no longer a member (banned, ban lifted, left). Join again for the new rights. */
  role: Role | null;
}

/** An event changed (edited, cancelled, RSVPs moved its counts); `event.myRsvp` is null: clients refetch their own. */
export interface EventPayload {
  communitySlug: string;
  event: CommunityEvent;
}

/** A survey got a response: counts only, never who or what (managers watching its results). */
export interface SurveyResponsePayload {
  communitySlug: string;
  surveyId: string;
  responseCount: number;
  /** Responses from non-staff members (the anonymity threshold counts these; see SurveyResults). */
  memberResponseCount: number;
  responseRate: number;
}

/** New feedback reached the inbox (managers and moderators). */
export interface FeedbackPayload {
  communitySlug: string;
  feedback: Feedback;
}

export interface ServerToClientEvents {
  'post:published': (payload: PostPayload) => void;
  'post:updated': (payload: PostPayload) => void;
  'post:removed': (payload: PostPayload) => void;
  'post:held': (payload: HeldPayload) => void;
  'queue:item_opened': (payload: QueueItemPayload) => void;
  'queue:item_updated': (payload: QueueItemPayload) => void;
  'event:updated': (payload: EventPayload) => void;
  'survey:response': (payload: SurveyResponsePayload) => void;
  'feedback:new': (payload: FeedbackPayload) => void;
  notification: (payload: NotificationPayload) => void;
  'membership:changed': (payload: MembershipPayload) => void;
  /** Sent once on connect so the client has an event before any reconnect. */
  hello: (payload: { userId: string }) => void;
}

export interface ClientToServerEvents {
  'community:join': (request: CommunityJoinRequest, ack: (reply: Ack) => void) => void;
  'community:leave': (request: CommunityJoinRequest, ack: (reply: Ack) => void) => void;
}
