// What a command caused, returned instead of fired, so nothing is announced or queued for a write that rolled back.
import type { EventCancelledJob, EventMovedJob, EventReminderJob, FlagPostJob, MailSendJob, SurveyCloseJob } from '../contracts/jobs';

export type DomainEvent =
  /** Became visible to members, or changed while visible. */
  | { type: 'post:published' | 'post:updated' | 'post:removed'; communityId: string; postId: string; authorId: string }
  /** Changed while not visible: only its author and the moderators hear of it. */
  | { type: 'post:changed_private'; communityId: string; postId: string; authorId: string }
  | { type: 'post:held'; communityId: string; postId: string; authorId: string; itemId: string }
  | { type: 'queue:item_opened' | 'queue:item_updated'; communityId: string; itemId: string }
  | { type: 'notification'; userId: string; notificationId: string }
  /** A user's standing in a community changed (role, sanction, membership): their open sockets follow it at once. */
  | { type: 'access:changed'; communityId: string; userId: string }
  /** A session ended (logout, revocation): its open sockets are disconnected on every process. */
  | { type: 'session:ended'; sessionId: string }
  /** An event changed (fields, state or counts): its fresh state goes to the community's members. */
  | { type: 'event:updated'; communityId: string; eventId: string }
  /** A survey got a response: its counts (never who, never what) go to the community's managers. */
  | { type: 'survey:response'; communityId: string; surveyId: string }
  /** Feedback reached the inbox (clear of the checker, or released by a moderator): to managers and moderators. */
  | { type: 'feedback:new'; communityId: string; feedbackId: string };

/** The event every command returns when it changes what a user may see in a community. */
export function accessChanged(communityId: string, userId: string): DomainEvent {
  return { type: 'access:changed', communityId, userId };
}

export type JobRequest =
  | { queue: 'flagging'; data: FlagPostJob; delayMs?: number }
  /** Event jobs carry their own id (eventReminderJobId, eventCancelledJobId, eventMovedJobId), so a second add is a no-op. */
  | { queue: 'events'; name: 'reminder'; data: EventReminderJob; delayMs?: number }
  | { queue: 'events'; name: 'cancelled'; data: EventCancelledJob; delayMs?: number }
  | { queue: 'events'; name: 'moved'; data: EventMovedJob; delayMs?: number }
  /** Closes a survey at its closesAt; the id (surveyCloseJobId) names survey and time, so re-planning is a no-op. */
  | { queue: 'surveys'; name: 'close'; data: SurveyCloseJob; delayMs?: number }
  /** Sends the pending e-mail outbox after the commit that wrote it; any such job sends every pending row. */
  | { queue: 'mail'; name: 'send'; data: MailSendJob; delayMs?: number };

export interface Outcome<T> {
  value: T;
  events: DomainEvent[];
  jobs: JobRequest[];
}

/** An outcome with nothing to announce or queue. */
export function quiet<T>(value: T): Outcome<T> {
  return { value, events: [], jobs: [] };
}
