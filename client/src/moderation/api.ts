// The moderation routes of the contract, over the app's fetch wrapper.
import type { CheckAction, CommunityJobsResponse, ModerationItem, Post, ReasonView, SanctionKind, User } from '../../../server/contracts/api';
import { requestJson, requestVoid } from '../api/http';

const community = (slug: string): string => `/api/communities/${encodeURIComponent(slug)}`;
const itemPath = (id: string): string => `/api/moderation/items/${encodeURIComponent(id)}`;

export interface QueuePage {
  items: ModerationItem[];
  nextCursor: string | null;
  counts: { open: number; escalated: number };
}

export type DecisionAction = 'approve' | 'remove' | 'escalate';
export interface DecisionInput {
  action: DecisionAction;
  reason?: string;
  version: number;
  /** The post revision shown to the moderator: the server refuses the decision if the post changed since. */
  revision?: number;
  sanction?: { kind: SanctionKind; reason: string; durationMinutes?: number };
}

export type RuleMatch = 'word' | 'phrase' | 'regex';
export type RuleAction = 'block' | 'hold' | 'flag' | 'censor' | 'allow';
export const RULE_MATCHES: readonly RuleMatch[] = ['word', 'phrase', 'regex'];
export const RULE_ACTIONS: readonly RuleAction[] = ['block', 'hold', 'flag', 'censor', 'allow'];

export interface WordRule {
  id: string;
  pattern: string;
  match: RuleMatch;
  action: RuleAction;
  locale: string | null;
  createdById: string;
  createdAt: string;
}
export interface WordRuleInput {
  pattern: string;
  match: RuleMatch;
  action: RuleAction;
}

export interface CheckResult {
  action: CheckAction;
  effectiveAction: CheckAction;
  reasons: ReasonView[];
  censored: string | null;
}

export interface PreviewResult {
  scanned: number;
  changed: { postId: string; excerpt: string; before: CheckAction; after: CheckAction; matches: (string | undefined)[] }[];
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: User | null;
  target: { type: string; id: string };
  reason: string | null;
  createdAt: string;
}

export type ReportReason = 'spam' | 'harassment' | 'hate' | 'sexual' | 'violence' | 'off_topic' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'harassment', 'hate', 'sexual', 'violence', 'off_topic', 'other'];

/** One page of the queue (open: oldest first) with the open and escalated counts. */
export function getQueue(slug: string, query: { cursor?: string | null; limit?: number } = {}, signal?: AbortSignal): Promise<QueuePage> {
  return requestJson<QueuePage>('GET', `${community(slug)}/moderation/queue`, { query: { state: 'open', limit: 100, ...query }, signal });
}

export async function getItem(id: string, signal?: AbortSignal): Promise<ModerationItem> {
  return (await requestJson<{ item: ModerationItem }>('GET', itemPath(id), { signal })).item;
}

export async function claimItem(id: string): Promise<ModerationItem> {
  return (await requestJson<{ item: ModerationItem }>('POST', `${itemPath(id)}/claim`)).item;
}

export function decideItem(id: string, input: DecisionInput): Promise<{ item: ModerationItem; post: Post }> {
  return requestJson<{ item: ModerationItem; post: Post }>('POST', `${itemPath(id)}/decision`, { body: input });
}

export async function listWordRules(slug: string, signal?: AbortSignal): Promise<WordRule[]> {
  return (await requestJson<{ items: WordRule[] }>('GET', `${community(slug)}/word-rules`, { signal })).items;
}

export async function createWordRule(slug: string, input: WordRuleInput): Promise<WordRule> {
  return (await requestJson<{ rule: WordRule }>('POST', `${community(slug)}/word-rules`, { body: input })).rule;
}

export function deleteWordRule(id: string): Promise<void> {
  return requestVoid('DELETE', `/api/word-rules/${encodeURIComponent(id)}`);
}

export function previewWordRule(slug: string, input: WordRuleInput): Promise<PreviewResult> {
  return requestJson<PreviewResult>('POST', `${community(slug)}/word-rules/preview`, { body: input });
}

export function checkText(slug: string, body: string, signal?: AbortSignal): Promise<CheckResult> {
  return requestJson<CheckResult>('POST', `${community(slug)}/moderation/check`, { body: { body }, signal });
}

export function getAuditLog(slug: string, cursor: string | null, signal?: AbortSignal): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  return requestJson('GET', `${community(slug)}/moderation/log`, { query: { cursor, limit: 25 }, signal });
}

export function reportPost(postId: string, input: { reason: ReportReason; note?: string }): Promise<unknown> {
  return requestJson('POST', `/api/posts/${encodeURIComponent(postId)}/reports`, { body: input });
}

/** The current item a 409 version_conflict carries in `details.item`, if any. */
export function conflictItem(details: unknown): ModerationItem | null {
  if (typeof details !== 'object' || details === null || !('item' in details)) return null;
  const item: unknown = details.item;
  return typeof item === 'object' && item !== null && 'id' in item && 'version' in item ? (item as ModerationItem) : null;
}

/** One page of this community's posts waiting for their check (or scheduled), with the counts of both lists. */
export function getCommunityJobs(slug: string, query: { kind: 'checking' | 'scheduled'; cursor?: string | null }, signal?: AbortSignal): Promise<CommunityJobsResponse> {
  return requestJson<CommunityJobsResponse>('GET', `${community(slug)}/moderation/jobs`, { query: { limit: 50, ...query }, signal });
}
