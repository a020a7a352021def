// What a 409 from PATCH /api/feedback/:id tells the inbox: who took the item (already_claimed), or that it changed
// since it was opened (version_conflict), with the current item when the server sends it along.
import type { Feedback } from '../../../server/contracts/surveys';
import { ApiRequestError } from '../api/errors';

export type Conflict = { kind: 'claimed'; name: string | null; current: Feedback | null } | { kind: 'version'; current: Feedback | null };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function feedbackIn(details: Record<string, unknown>): Feedback | null {
  for (const key of ['feedback', 'current', 'item']) {
    const value = details[key];
    if (isObject(value) && typeof value.id === 'string' && typeof value.version === 'number' && typeof value.status === 'string') {
      return value as unknown as Feedback;
    }
  }
  return null;
}

function nameIn(details: Record<string, unknown>, current: Feedback | null): string | null {
  const assignee = details.assignee ?? details.claimedBy ?? current?.assignee;
  if (isObject(assignee)) {
    const user = isObject(assignee.user) ? assignee.user : assignee;
    if (typeof user.displayName === 'string' && user.displayName) return user.displayName;
    if (typeof user.handle === 'string' && user.handle) return `@${user.handle}`;
  }
  return null;
}

/** The conflict a failure describes, or null when it is another error. */
export function readConflict(failure: unknown): Conflict | null {
  if (!(failure instanceof ApiRequestError) || failure.status !== 409) return null;
  const details = isObject(failure.details) ? failure.details : {};
  const current = feedbackIn(details);
  if (failure.code === 'already_claimed') return { kind: 'claimed', name: nameIn(details, current), current };
  if (failure.code === 'version_conflict') return { kind: 'version', current };
  return null;
}

export interface HeldReason {
  /** What found it, as the checker names it: "rule · word_rule · severe" (read raw when no better words exist). */
  source: string;
  /** The checker's kind (word_rule, lexicon, ...), category (insult, ...) and severity (mild, strong, severe). */
  kind: string | null;
  category: string | null;
  severity: string | null;
  match: string | null;
  score: number | null;
  /** The matched span in the body (UTF-16 offsets), when the checker gave one. */
  start: number | null;
  end: number | null;
}

const offset = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null);

/** The checker's reasons on held feedback, read defensively (`reasons` or `checkReasons`, as objects or JSON). */
export function heldReasons(item: Feedback): HeldReason[] {
  const record = item as unknown as Record<string, unknown>;
  let raw: unknown = record.reasons ?? record.checkReasons ?? record.screeningReasons;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown): HeldReason[] => {
    if (!isObject(entry)) {
      return typeof entry === 'string' ? [{ source: entry, kind: null, category: null, severity: null, match: null, score: null, start: null, end: null }] : [];
    }
    const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
    const parts = [entry.source, entry.category ?? entry.kind ?? entry.rule, entry.severity].filter((part): part is string => typeof part === 'string' && part !== '');
    const match = typeof entry.match === 'string' && entry.match ? entry.match : null;
    const score = typeof entry.score === 'number' && Number.isFinite(entry.score) ? entry.score : null;
    return [
      {
        source: parts.join(' · ') || '—',
        kind: str(entry.kind),
        category: str(entry.category),
        severity: str(entry.severity),
        match,
        score,
        start: offset(entry.start),
        end: offset(entry.end),
      },
    ];
  });
}
