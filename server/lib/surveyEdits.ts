// Which edits an OPEN survey takes: only those that keep every answer already given valid (README.md, "Surveys").
// Allowed: title, description, closesAt; small rewordings (typo fixes) of prompts and option labels that do not take
// another question's prompt or another option's label (so answers cannot flip meaning); appending options to single and multi
// questions; a longer maxLength on text; making a required question optional; new optional questions at the end.
// Everything else is locked and named: removing or reordering questions or options, changing a kind or a rating
// range, a shorter maxLength, making a question required, a new required question, the anonymous flag, the audience.
import type { Messages } from './eventRules';

export interface StoredQuestion {
  id: string;
  kind: string;
  prompt: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
}

export interface EditedQuestion {
  id?: string | undefined;
  kind: string;
  prompt: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
}

export type LockReason = 'option_changed' | 'prompt_changed' | 'question_removed' | 'question_moved' | 'kind_changed' | 'options_removed' | 'range_changed' | 'made_required' | 'new_question_required' | 'anonymous_changed' | 'audience_changed';

export interface LockProblem {
  path: string;
  reason: LockReason;
  messages: Messages;
}

const MESSAGES: Record<LockReason, Messages> = {
  option_changed: {
    en: 'Once the survey is open, an option can only get a small correction (a typo fix), never another option\'s label or a new meaning; append a new option instead.',
    id: 'Setelah survei dibuka, pilihan hanya boleh dikoreksi sedikit (salah ketik), tidak boleh memakai label pilihan lain atau berubah makna; tambahkan pilihan baru di akhir.',
  },
  prompt_changed: {
    en: 'Once the survey is open, a question can only get a small correction (a typo fix), never another question\'s text or a new meaning; add a new question instead.',
    id: 'Setelah survei dibuka, pertanyaan hanya boleh dikoreksi sedikit (salah ketik), tidak boleh memakai teks pertanyaan lain atau berubah makna; tambahkan pertanyaan baru.',
  },
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

/** Trimmed and lower-cased, as labels are compared. */
function normalised(text: string): string {
  return text.trim().toLowerCase();
}

/** Levenshtein distance in code points (two rows; labels and prompts are at most a few hundred characters). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * Whether `after` may replace `before` (one of `all`, the texts of its siblings) once answers exist: unchanged, or a
 * small correction (distance at most max(3, 30% of the longer text), compared trimmed and ignoring case) that does not
 * equal another sibling. Swapping two labels or prompts, or rewriting one into something else, would make the answers
 * already given count for what their authors did not choose.
 */
export function isSafeReword(before: string, after: string, siblings: readonly string[]): boolean {
  const was = normalised(before);
  const now = normalised(after);
  if (was === now) return true;
  if (siblings.some((other) => normalised(other) === now)) return false;
  const longer = Math.max(Array.from(was).length, Array.from(now).length);
  return editDistance(was, now) <= Math.max(3, Math.floor(longer * 0.3));
}

/** How one kept question may change; each problem names the question's path in the body. */
function questionProblems(path: string, before: StoredQuestion, after: EditedQuestion, otherPrompts: readonly string[]): LockProblem[] {
  const found: LockReason[] = [];
  if (before.kind !== after.kind) return [{ path, reason: 'kind_changed', messages: MESSAGES.kind_changed }];
  const problems: LockProblem[] = [];
  if (!isSafeReword(before.prompt, after.prompt, otherPrompts)) problems.push({ path: `${path}.prompt`, reason: 'prompt_changed', messages: MESSAGES.prompt_changed });
  before.options.forEach((label, o) => {
    const next = after.options[o];
    if (next === undefined) return;
    if (!isSafeReword(label, next, before.options.filter((_, other) => other !== o))) problems.push({ path: `${path}.options[${o}]`, reason: 'option_changed', messages: MESSAGES.option_changed });
  });
  if (after.options.length < before.options.length) found.push('options_removed');
  if (before.kind === 'rating' && (before.min !== after.min || before.max !== after.max)) found.push('range_changed');
  // A text answer longer than a new, shorter limit would no longer be valid.
  if (before.kind === 'text' && (after.max ?? 0) < (before.max ?? 0)) found.push('range_changed');
  if (!before.required && after.required) found.push('made_required');
  return [...problems, ...found.map((reason) => ({ path: reason === 'options_removed' ? `${path}.options` : path, reason, messages: MESSAGES[reason] }))];
}

/**
 * Problems of an edit to an open survey's questions (empty: allowed). Kept questions carry their `id` and come first,
 * in their order; new ones come after them without an id. Options are matched by position: a shorter list is a
 * removal; a label may only get a small correction that takes no other option's label (isSafeReword), so a reorder or
 * a swap is refused as option_changed. Prompts likewise (prompt_changed).
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
    problems.push(...questionProblems(path, before, q, stored.filter((s) => s.id !== before.id).map((s) => s.prompt)));
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
