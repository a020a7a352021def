// Which edits an OPEN survey takes: only those that keep every answer already given valid (README.md, "Surveys").
// Allowed: title, description, closesAt; rewording prompts and option labels; appending options to single and multi
// questions; a longer maxLength on text; making a required question optional; new optional questions at the end.
// Everything else is locked and named: removing or reordering questions or options, changing a kind or a rating
// range, a shorter maxLength, making a question required, a new required question, the anonymous flag, the audience.
import type { Messages } from './eventRules';

export interface StoredQuestion {
  id: string;
  kind: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
}

export interface EditedQuestion {
  id?: string | undefined;
  kind: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
}

export type LockReason = 'question_removed' | 'question_moved' | 'kind_changed' | 'options_removed' | 'range_changed' | 'made_required' | 'new_question_required' | 'anonymous_changed' | 'audience_changed';

export interface LockProblem {
  path: string;
  reason: LockReason;
  messages: Messages;
}

const MESSAGES: Record<LockReason, Messages> = {
  question_removed: { en: 'Questions of an open survey cannot be removed.', id: 'Pertanyaan survei yang sudah dibuka tidak bisa dihapus.' },
  question_moved: { en: 'Questions of an open survey cannot be reordered; add new ones at the end.', id: 'Urutan pertanyaan survei yang sudah dibuka tidak bisa diubah; tambahkan pertanyaan baru di akhir.' },
  kind_changed: { en: 'The kind of a question cannot change once the survey is open.', id: 'Jenis pertanyaan tidak bisa diubah setelah survei dibuka.' },
  options_removed: { en: 'Options cannot be removed or reordered once the survey is open; append new ones at the end.', id: 'Pilihan tidak bisa dihapus atau diubah urutannya setelah survei dibuka; tambahkan pilihan baru di akhir.' },
  range_changed: { en: 'The range of answers cannot change once the survey is open.', id: 'Rentang jawaban tidak bisa diubah setelah survei dibuka.' },
  made_required: { en: 'A question cannot become required once the survey is open.', id: 'Pertanyaan tidak bisa dijadikan wajib setelah survei dibuka.' },
  new_question_required: { en: 'Questions added to an open survey must be optional.', id: 'Pertanyaan yang ditambahkan ke survei yang sudah dibuka harus opsional.' },
  anonymous_changed: { en: 'Whether a survey is anonymous cannot change once it is open.', id: 'Sifat anonim survei tidak bisa diubah setelah survei dibuka.' },
  audience_changed: { en: 'The audience cannot change once the survey is open.', id: 'Sasaran responden tidak bisa diubah setelah survei dibuka.' },
};

/** How one kept question may change; each problem names the question's path in the body. */
function questionProblems(path: string, before: StoredQuestion, after: EditedQuestion): LockProblem[] {
  const found: LockReason[] = [];
  if (before.kind !== after.kind) return [{ path, reason: 'kind_changed', messages: MESSAGES.kind_changed }];
  if (after.options.length < before.options.length) found.push('options_removed');
  if (before.kind === 'rating' && (before.min !== after.min || before.max !== after.max)) found.push('range_changed');
  // A text answer longer than a new, shorter limit would no longer be valid.
  if (before.kind === 'text' && (after.max ?? 0) < (before.max ?? 0)) found.push('range_changed');
  if (!before.required && after.required) found.push('made_required');
  return found.map((reason) => ({ path: reason === 'options_removed' ? `${path}.options` : path, reason, messages: MESSAGES[reason] }));
}

/**
 * Problems of an edit to an open survey's questions (empty: allowed). Kept questions carry their `id` and come first,
 * in their order; new ones come after them without an id. Option labels may be reworded, so options are matched by
 * position: a shorter list is a removal; a reorder cannot be told from rewording and is the manager's to avoid.
 */
export function openQuestionProblems(stored: readonly StoredQuestion[], edited: readonly EditedQuestion[]): LockProblem[] {
  const problems: LockProblem[] = [];
  const storedIds = new Set(stored.map((q) => q.id));
  const editedIds = edited.flatMap((q) => (q.id ? [q.id] : []));
  if (stored.some((q) => !editedIds.includes(q.id))) problems.push({ path: 'body.questions', reason: 'question_removed', messages: MESSAGES.question_removed });
  edited.forEach((q, i) => {
    const path = `body.questions[${i}]`;
    const before = q.id ? stored.find((s) => s.id === q.id) : undefined;
    if (!before) {
      if (q.id && !storedIds.has(q.id)) problems.push({ path: `${path}.id`, reason: 'question_removed', messages: MESSAGES.question_removed });
      else if (i < stored.length) problems.push({ path, reason: 'question_moved', messages: MESSAGES.question_moved });
      else if (q.required) problems.push({ path: `${path}.required`, reason: 'new_question_required', messages: MESSAGES.new_question_required });
      return;
    }
    if (stored[i]?.id !== before.id) problems.push({ path, reason: 'question_moved', messages: MESSAGES.question_moved });
    problems.push(...questionProblems(path, before, q));
  });
  return problems;
}

/** The locked survey-level fields an edit of an open survey touches. */
export function openSurveyProblems(changes: { anonymousChanged: boolean; audienceChanged: boolean }): LockProblem[] {
  const problems: LockProblem[] = [];
  if (changes.anonymousChanged) problems.push({ path: 'body.anonymous', reason: 'anonymous_changed', messages: MESSAGES.anonymous_changed });
  if (changes.audienceChanged) problems.push({ path: 'body.audience', reason: 'audience_changed', messages: MESSAGES.audience_changed });
  return problems;
}
