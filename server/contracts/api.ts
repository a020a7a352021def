// Response shapes of the HTTP contract (../../../shared/api.md), shared by server, workers and client.
// Request shapes are inferred from the zod schemas in server/routes and re-exported here as types only.

export type Role = 'member' | 'moderator' | 'manager' | 'owner';
export const ROLES: readonly Role[] = ['member', 'moderator', 'manager', 'owner'];

export type PostStatus = 'pending' | 'published' | 'scheduled' | 'hidden' | 'removed' | 'deleted';
export type ReactionKind = 'like' | 'love' | 'insightful' | 'funny';
export const REACTION_KINDS: readonly ReactionKind[] = ['like', 'love', 'insightful', 'funny'];
export type ModerationMode = 'auto' | 'pre';
export type Locale = 'id' | 'en';
export type SanctionKind = 'warn' | 'mute' | 'suspend' | 'ban';

export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  handle: string;
  displayName: string;
  locale: Locale;
  createdAt: string;
}

/** The signed-in user's own view of themself: includes the e-mail address. */
export interface Me extends User {
  email: string;
  /** An instance administrator (the queue dashboard at /admin/queues); granted by the operator, not a community role. */
  isAdmin: boolean;
}

export interface AuthResult {
  user: Me;
  token: string;
}

export interface DigestSettings {
  cadence: 'off' | 'daily' | 'weekly';
  hour: number;
  weekday: number | null;
  timezone: string;
}

export type CheckAction = 'publish' | 'censor' | 'flag' | 'hold' | 'block';

export interface CommunitySettings {
  moderationMode: ModerationMode;
  reportThreshold: number;
  digest: DigestSettings;
  /** What a lexicon hit of each severity does in this community. */
  lexiconActions: Record<'mild' | 'strong' | 'severe', CheckAction>;
}

export interface Community {
  id: string;
  slug: string;
  name: string;
  description: string;
  locale: Locale;
  createdAt: string;
  settings: CommunitySettings;
  memberCount: number;
  /** The caller's role, or null when the caller is not a member. */
  myRole: Role | null;
}

export interface MembershipSummary {
  community: { slug: string; name: string };
  role: Role;
  status: 'active' | 'banned';
}

export interface Member {
  user: User;
  role: Role;
  status: 'active' | 'banned';
  joinedAt: string;
  counts: { posts: number };
}

export interface Membership {
  communitySlug: string;
  userId: string;
  role: Role;
  status: 'active' | 'banned';
  joinedAt: string;
}

export type ReactionCounts = Record<ReactionKind, number>;

export interface Post {
  id: string;
  communitySlug: string;
  author: User;
  parentId: string | null;
  title: string | null;
  body: string;
  status: PostStatus;
  /** While pending: 'checking' (automatic check running) or 'awaiting_review' (held for a moderator). */
  review: 'checking' | 'awaiting_review' | null;
  revision: number;
  tags: string[];
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
  replyCount: number;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  editedAt: string | null;
}

export interface Sanction {
  id: string;
  communitySlug: string;
  userId: string;
  kind: SanctionKind;
  reason: string;
  createdById: string;
  createdAt: string;
  endsAt: string | null;
  liftedAt: string | null;
}

/** What a notification is about; the client words each kind in the reader's language. */
export type NotificationKind =
  | 'post_held'
  | 'role_changed'
  | 'sanctioned'
  | 'sanction_lifted'
  | 'post_approved'
  | 'post_removed'
  | 'report_resolved'
  /** data: {eventId, title, startsAt, timezone} — a waitlisted RSVP became going. */
  | 'event_promoted'
  /** data: {eventId, title, startsAt, timezone, minutesBefore} */
  | 'event_reminder'
  /** data: {eventId, title, startsAt, timezone} */
  | 'event_cancelled'
  /** data: {eventId, title, startsAt, timezone, previousStartsAt} — a scheduled event I am going to or waiting for moved. */
  | 'event_moved'
  /**
   * data: {feedbackId, feedbackKind, communityName, replyId, repliedBy, excerpt, locale, message} — staff replied to
   * my feedback. `message` is the sentence already worded in my language (`locale`), for readers without the kind.
   */
  | 'feedback_reply';

export interface Notification {
  id: string;
  kind: string;
  communitySlug: string | null;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export interface MeResponse {
  user: Me;
  memberships: MembershipSummary[];
}

/** One automatic reason: the original span, what it read as, the rule or lexicon entry, and its score. */
export interface ReasonView {
  source: string;
  kind?: string;
  ruleId?: string;
  match?: string;
  normalized?: string;
  entry?: string;
  field?: string;
  start?: number;
  end?: number;
  action?: string;
  severity?: string;
  category?: string;
  score: number;
  revision: number;
}

/** A moderation item as moderators see it (queue, item pane, socket payloads). */
export interface ModerationItem {
  id: string;
  postId: string;
  communitySlug: string;
  state: string;
  version: number;
  escalated: boolean;
  openedAt: string;
  createdAt: string;
  claimedBy: { user: User; until: string } | null;
  reasons: ReasonView[];
  reportCount: number;
  reportCounts: Record<string, number>;
  reports: { reason: string; note: string | null; reporter: User; createdAt: string }[];
  authorHistory: { posts: number; removed: number; sanctions: number };
  resolution: { action: string; by: User | null; at: string; reason: string | null } | null;
  post?: Post;
}


/** One post waiting on background work in its community (GET /api/communities/:slug/moderation/jobs). */
export interface CommunityJob {
  post: Post;
  /** When its check was owed (checking) or when it publishes (scheduled). */
  dueAt: string;
  /** How long it has waited past dueAt; 0 while a scheduled post is not yet due. */
  waitingSeconds: number;
}

/** A community's own jobs for its staff: counts of both lists and one page of the list asked for. */
export interface CommunityJobsResponse {
  kind: 'checking' | 'scheduled';
  summary: {
    checking: { count: number; oldestDueAt: string | null; oldestAgeSeconds: number | null };
    scheduled: { count: number; due: number; nextPublishAt: string | null };
  };
  items: CommunityJob[];
  nextCursor: string | null;
}

export type EventStatus = 'scheduled' | 'cancelled' | 'ended';
export type RsvpAnswer = 'going' | 'interested' | 'not_going';
export type RsvpStatus = RsvpAnswer | 'waitlisted';
export const RSVP_ANSWERS: readonly RsvpAnswer[] = ['going', 'interested', 'not_going'];

export interface EventCounts {
  going: number;
  waitlisted: number;
  interested: number;
  /** Going members marked as arrived at check-in (attendance = checkedIn / going). */
  checkedIn: number;
}

/** The caller's own answer to an event. */
export interface Rsvp {
  eventId: string;
  userId: string;
  status: RsvpStatus;
  /** 1..n while waitlisted, else null. */
  position: number | null;
  /** The check-in code (shown as a QR code) while going, else null. */
  code: string | null;
  checkedInAt: string | null;
  updatedAt: string;
}

export interface CommunityEvent {
  id: string;
  communitySlug: string;
  title: string;
  description: string;
  /** Instants in UTC; `timezone` is the IANA zone the organiser means them in. */
  startsAt: string;
  endsAt: string;
  timezone: string;
  location: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  /** Minutes before the start at which going members are reminded, largest first. */
  reminders: number[];
  status: EventStatus;
  /** iCalendar SEQUENCE: bumped on each change. */
  sequence: number;
  counts: EventCounts;
  /** The caller's own RSVP, or null. Null in `event:updated` broadcasts: each client asks for its own. */
  myRsvp: Rsvp | null;
  createdBy: User;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
}

/** One row of the moderators' attendee list: going first, then the waitlist in order. */
export interface Attendee {
  user: User;
  status: RsvpStatus;
  position: number | null;
  checkedInAt: string | null;
}
