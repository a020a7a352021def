// The answer validator: checks a response's answers against the survey's questions and names EACH bad answer, with
// a stable reason and a sentence in both languages (as eventRules.ts does for events). Pure and free of Node APIs,
// so the web client's answering form can use the same rules and sentences.
import type { Locale } from '../contracts/api';
import type { QuestionKind } from '../contracts/surveys';
import type { Messages } from './eventRules';

/** A question as the validator needs it (the stored row, options parsed). */
export interface QuestionRule {
  id: string;
  kind: QuestionKind;
  options: string[];
  required: boolean;
  /** Rating bounds (nps 0..10); for text the longest answer, in characters. */
  min: number | null;
  max: number | null;
}

export type AnswerProblemReason = 'unknown_option' | 'out_of_range' | 'missing_required' | 'too_long' | 'wrong_type' | 'unknown_question' | 'duplicate_question';

export interface AnswerProblem {
  /** `answers[2].value`, `answers[2].questionId` or `answers` (a required question left out). */
  path: string;
  questionId: string | null;
  reason: AnswerProblemReason;
  messages: Messages;
}

/** One stored answer row: an option (single: one, multi: one per chosen option), a number or a text. */
export interface AnswerRow {
  questionId: string;
  optionIndex: number | null;
  numberValue: number | null;
  textValue: string | null;
}

export const DEFAULT_TEXT_MAX = 2000;

const MESSAGES: Record<AnswerProblemReason, (q: QuestionRule | null) => Messages> = {
  unknown_option: (q) => ({
    en: `Choose one of the ${q?.options.length ?? 0} options (0 to ${(q?.options.length ?? 1) - 1}).`,
    id: `Pilih salah satu dari ${q?.options.length ?? 0} pilihan (0 sampai ${(q?.options.length ?? 1) - 1}).`,
  }),
  out_of_range: (q) => ({
    en: `Give a whole number from ${q?.min ?? 0} to ${q?.max ?? 10}.`,
    id: `Isi bilangan bulat dari ${q?.min ?? 0} sampai ${q?.max ?? 10}.`,
  }),
  missing_required: () => ({ en: 'This question must be answered.', id: 'Pertanyaan ini wajib dijawab.' }),
  too_long: (q) => ({
    en: `Write at most ${q?.max ?? DEFAULT_TEXT_MAX} characters.`,
    id: `Tulis paling banyak ${q?.max ?? DEFAULT_TEXT_MAX} karakter.`,
  }),
  wrong_type: (q) => ({ en: `This answer has the wrong type for a ${q?.kind ?? 'survey'} question.`, id: `Jenis jawaban ini tidak cocok untuk pertanyaan ${kindId(q?.kind)}.` }),
  unknown_question: () => ({ en: 'This survey has no such question.', id: 'Survei ini tidak memiliki pertanyaan tersebut.' }),
  duplicate_question: () => ({ en: 'This question is answered twice.', id: 'Pertanyaan ini dijawab dua kali.' }),
};

function kindId(kind: QuestionKind | undefined): string {
  const names: Record<QuestionKind, string> = { single: 'pilihan tunggal', multi: 'pilihan ganda', rating: 'penilaian', nps: 'NPS', text: 'isian' };
  return kind ? names[kind] : 'survei';
}

/** The longest text answer a text question takes. */
export function textMax(question: Pick<QuestionRule, 'max'>): number {
  return question.max ?? DEFAULT_TEXT_MAX;
}

type Checked = { rows: AnswerRow[] } | { reason: AnswerProblemReason };

/** The rows one answer becomes, or why it is refused; `null` and empty values mean "not answered" (no rows). */
function checkValue(q: QuestionRule, value: unknown): Checked {
  if (value === null || value === undefined) return { rows: [] };
  const base = { questionId: q.id, optionIndex: null, numberValue: null, textValue: null };
  switch (q.kind) {
    case 'single':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { reason: 'wrong_type' };
      if (value < 0 || value >= q.options.length) return { reason: 'unknown_option' };
      return { rows: [{ ...base, optionIndex: value }] };
    case 'multi': {
      if (!Array.isArray(value) || value.length > q.options.length || !value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
        return { reason: Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v)) ? 'unknown_option' : 'wrong_type' };
      }
      const chosen = value as number[];
      if (chosen.some((v) => v < 0 || v >= q.options.length) || new Set(chosen).size !== chosen.length) return { reason: 'unknown_option' };
      return { rows: [...chosen].sort((a, b) => a - b).map((optionIndex) => ({ ...base, optionIndex })) };
    }
    case 'rating':
    case 'nps': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { reason: 'wrong_type' };
      const min = q.kind === 'nps' ? 0 : (q.min ?? 1);
      const max = q.kind === 'nps' ? 10 : (q.max ?? 5);
      if (!Number.isInteger(value) || value < min || value > max) return { reason: 'out_of_range' };
      return { rows: [{ ...base, numberValue: value }] };
    }
    case 'text': {
      if (typeof value !== 'string') return { reason: 'wrong_type' };
      if (!value.isWellFormed() || value.includes('\u0000')) return { reason: 'wrong_type' };
      const text = value.trim();
      if (text === '') return { rows: [] };
      if ([...text].length > textMax(q)) return { reason: 'too_long' };
      return { rows: [{ ...base, textValue: text }] };
    }
  }
}

/**
 * Checks every answer against `questions` (in order) and returns the answer rows to store, or every problem found:
 * unknown and repeated questions, values of the wrong type, options that do not exist, numbers out of range, texts
 * too long, and required questions left unanswered (an empty value counts as unanswered).
 */
export function checkAnswers(questions: readonly QuestionRule[], answers: readonly { questionId?: unknown; value?: unknown }[]): { rows: AnswerRow[] } | { problems: AnswerProblem[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const answeredIds = new Set<string>();
  const problems: AnswerProblem[] = [];
  const rows: AnswerRow[] = [];
  const problem = (path: string, q: QuestionRule | null, reason: AnswerProblemReason) => problems.push({ path, questionId: q?.id ?? null, reason, messages: MESSAGES[reason](q) });
  answers.forEach((answer, i) => {
    const q = typeof answer.questionId === 'string' ? byId.get(answer.questionId) : undefined;
    if (!q) return problem(`answers[${i}].questionId`, null, 'unknown_question');
    if (seen.has(q.id)) return problem(`answers[${i}].questionId`, q, 'duplicate_question');
    seen.add(q.id);
    const checked = checkValue(q, answer.value);
    if ('reason' in checked) return problem(`answers[${i}].value`, q, checked.reason);
    if (checked.rows.length) answeredIds.add(q.id);
    rows.push(...checked.rows);
  });
  for (const q of questions) {
    // A required question answered with a bad value is already named; one left out (or empty) is named here.
    if (q.required && !answeredIds.has(q.id) && !problems.some((p) => p.questionId === q.id)) problem('answers', q, 'missing_required');
  }
  return problems.length ? { problems } : { rows };
}

/** 422 details in the reader's language. */
export function answerProblemDetails(problems: readonly AnswerProblem[], locale: Locale) {
  return problems.map((p) => ({ path: p.path, message: p.messages[locale], reason: p.reason, ...(p.questionId ? { questionId: p.questionId } : {}) }));
}
