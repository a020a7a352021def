// API shapes of surveys and the feedback inbox (issue 11), shared by server, workers and client.
import type { User } from './api';

export type SurveyState = 'draft' | 'open' | 'closed';
export type QuestionKind = 'single' | 'multi' | 'rating' | 'nps' | 'text';
export type SurveyAudience = { kind: 'all' } | { kind: 'event'; eventId: string };

export interface SurveyQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** Option labels of single and multi questions; [] otherwise. */
  options: string[];
  required: boolean;
  /** Rating bounds; nps is always 0..10; null for other kinds. */
  min: number | null;
  max: number | null;
  /** The longest answer of a text question, in characters; null for other kinds. */
  maxLength: number | null;
}

export interface Survey {
  id: string;
  communitySlug: string;
  title: string;
  description: string;
  anonymous: boolean;
  state: SurveyState;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  audience: SurveyAudience;
  questions: SurveyQuestion[];
  /** Whether the caller has answered (anonymous surveys too: checked through the caller's pseudonym). */
  answered: boolean;
  responseCount: number;
  version: number;
  createdBy: User;
  createdAt: string;
  updatedAt: string;
}

/** What POST /surveys/:id/responses answers: anonymous responses keep only the UTC day in submittedAt. */
export interface SurveyResponseReceipt {
  id: string;
  surveyId: string;
  submittedAt: string;
}

/** One answer as sent: an option index (single), indexes (multi), a number (rating, nps) or a text. */
export interface AnswerInput {
  questionId: string;
  value: number | number[] | string | null;
}

export interface OptionCount {
  index: number;
  label: string;
  count: number;
}
export interface ValueCount {
  value: number;
  count: number;
}

interface QuestionResultBase {
  questionId: string;
  prompt: string;
  /** How many responses answered this question. */
  answered: number;
  /** True on an anonymous survey below 5 respondents: breakdowns are withheld so no one can be singled out. */
  hidden: boolean;
}
export type QuestionResult =
  | (QuestionResultBase & { kind: 'single' | 'multi'; options: OptionCount[] })
  | (QuestionResultBase & { kind: 'rating'; mean: number | null; distribution: ValueCount[]; min: number; max: number })
  | (QuestionResultBase & {
      kind: 'nps';
      nps: number | null;
      promoters: number;
      passives: number;
      detractors: number;
      distribution: ValueCount[];
    })
  | (QuestionResultBase & { kind: 'text'; texts: { items: string[]; nextCursor: string | null } });

export interface SurveyResults {
  surveyId: string;
  responseCount: number;
  /**
   * Responses from members who were not staff when they answered: the anonymity threshold counts these only, so
   * staff (who read the results) cannot fill it with answers they know.
   */
  memberResponseCount: number;
  /** Members in the audience (active members, or the event's attendees). */
  audienceSize: number;
  /** responseCount / audienceSize, 0..1 (0 when the audience is empty). */
  responseRate: number;
  /** True on an anonymous survey below `threshold` member responses: every question's breakdown is withheld. */
  hidden: boolean;
  /** Responses an anonymous survey needs before its breakdowns are shown (5). */
  threshold: number;
  questions: QuestionResult[];
}

export type FeedbackKind = 'question' | 'suggestion' | 'problem';
export type FeedbackStatus = 'new' | 'in_progress' | 'resolved';

export interface FeedbackReply {
  id: string;
  body: string;
  author: User;
  createdAt: string;
}

export interface Feedback {
  id: string;
  communitySlug: string;
  kind: FeedbackKind;
  body: string;
  status: FeedbackStatus;
  /** "held": the checker held it for a moderator (staff only see it as held; the author sees it as sent). */
  screening: 'clear' | 'held';
  author: User;
  /** Staff only: the author sees null, whoever on staff took it. */
  assignee: User | null;
  replies: FeedbackReply[];
  replyCount: number;
  /** Staff only, on held feedback: what the checker found. The author never sees reasons. */
  reasons?: FeedbackCheckReason[];
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** Staff only (the PATCH guard): the author's view omits it, since it moves on hidden staff work too. */
  version?: number;
  createdAt: string;
  /** Staff: the last change of any kind. Author: the last change they can see (sent, a reply, a status change). */
  updatedAt: string;
}

/** One finding of the checker on a held feedback body (offsets into `body`). */
export interface FeedbackCheckReason {
  kind: string;
  source: string;
  match: string;
  entry: string;
  action: string;
  severity: string | null;
  category: string | null;
  ruleId: string | null;
  start: number;
  end: number;
}

/** Clear feedback per status, and held feedback (any status), for the inbox tabs. */
export interface FeedbackCounts {
  new: number;
  in_progress: number;
  resolved: number;
  held: number;
}

/** GET /api/communities/:slug/feedback. */
export interface FeedbackInboxPage {
  items: Feedback[];
  nextCursor: string | null;
  counts: FeedbackCounts;
}
