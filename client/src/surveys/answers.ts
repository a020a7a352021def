// The answering form's pure side: what a member picked per question, the client-side check before sending (the
// same rules as the server: required, a real option, within range, not too long), the request body, and the
// server's 422 details mapped back onto the questions they name.
import type { AnswerInput, SurveyQuestion } from '../../../server/contracts/surveys';

/** Longest text answer when the question names no limit (the server's default; it refuses longer with a 422). */
export const TEXT_ANSWER_MAX = 2_000;

/** A text question's own limit (`maxLength`) when the server sends one, else the default. */
export function textLimit(question: SurveyQuestion): number {
  const own: unknown = (question as SurveyQuestion & { maxLength?: unknown }).maxLength;
  return typeof own === 'number' && own > 0 ? own : TEXT_ANSWER_MAX;
}

/** Characters as the server counts them (code points, so an emoji is one). */
export const textLength = (text: string): number => [...text].length;

/** An option index (single), indexes (multi), a number (rating, nps), a text, or nothing yet. */
export type AnswerValue = number | number[] | string | null;
/** The member's answers by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export type AnswerProblem =
  | { reason: 'missing' }
  | { reason: 'invalidOption' }
  | { reason: 'outOfRange'; min: number; max: number }
  | { reason: 'tooLong'; max: number }
  /** The server's own sentence, for a reason this client has no words for. */
  | { reason: 'server'; message: string };

export type AnswerProblems = Readonly<Record<string, AnswerProblem>>;

/** Bounds of a rating or nps question (nps is always 0..10). */
export function boundsOf(question: SurveyQuestion): { min: number; max: number } {
  if (question.kind === 'nps') return { min: 0, max: 10 };
  return { min: question.min ?? 1, max: question.max ?? 5 };
}

/** Whether a value counts as an answer (an empty text or no checked box is none). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function checkOne(question: SurveyQuestion, value: AnswerValue | undefined): AnswerProblem | null {
  if (!isAnswered(value)) return question.required ? { reason: 'missing' } : null;
  switch (question.kind) {
    case 'single':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < question.options.length
        ? null
        : { reason: 'invalidOption' };
    case 'multi':
      return Array.isArray(value) && value.every((i) => Number.isInteger(i) && i >= 0 && i < question.options.length) && new Set(value).size === value.length
        ? null
        : { reason: 'invalidOption' };
    case 'rating':
    case 'nps': {
      const { min, max } = boundsOf(question);
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : { reason: 'outOfRange', min, max };
    }
    case 'text':
      return typeof value === 'string' && textLength(value.trim()) <= textLimit(question) ? null : { reason: 'tooLong', max: textLimit(question) };
  }
}

/** Every problem of the answers at once, by question id; empty when they can be sent. */
export function validateAnswers(questions: readonly SurveyQuestion[], answers: Answers): AnswerProblems {
  const problems: Record<string, AnswerProblem> = {};
  for (const question of questions) {
    const problem = checkOne(question, answers[question.id]);
    if (problem) problems[question.id] = problem;
  }
  return problems;
}

/** The request's answers in question order; unanswered optional questions are left out, texts trimmed. */
export function answerInputs(questions: readonly SurveyQuestion[], answers: Answers): AnswerInput[] {
  return questions.flatMap((question): AnswerInput[] => {
    const value = answers[question.id];
    if (value === undefined || !isAnswered(value)) return [];
    if (typeof value === 'string') return [{ questionId: question.id, value: value.trim() }];
    if (Array.isArray(value)) return [{ questionId: question.id, value: [...value].sort((a, b) => a - b) }];
    return [{ questionId: question.id, value }];
  });
}

/** Toggles one option of a multi answer. */
export function toggleOption(value: AnswerValue | undefined, index: number): number[] {
  const chosen = Array.isArray(value) ? value : [];
  return chosen.includes(index) ? chosen.filter((i) => i !== index) : [...chosen, index].sort((a, b) => a - b);
}

const REASONS: Readonly<Record<string, AnswerProblem['reason']>> = {
  required: 'missing',
  missing: 'missing',
  missing_required: 'missing',
  invalid_option: 'invalidOption',
  unknown_option: 'invalidOption',
  out_of_range: 'outOfRange',
  too_long: 'tooLong',
};

function problemFor(question: SurveyQuestion, reason: unknown, message: string): AnswerProblem {
  const known = typeof reason === 'string' ? REASONS[reason] : undefined;
  switch (known) {
    case 'missing':
      return { reason: 'missing' };
    case 'invalidOption':
      return { reason: 'invalidOption' };
    case 'outOfRange':
      return { reason: 'outOfRange', ...boundsOf(question) };
    case 'tooLong':
      return { reason: 'tooLong', max: textLimit(question) };
    default:
      return { reason: 'server', message };
  }
}

/**
 * The questions a 422's details point at (`[{path: "answers[i].value", message, reason}]`, i indexing the answers
 * as sent; a detail may name `questionId` instead), each with its problem. Details naming nothing known are left out.
 */
export function problemsFromDetails(details: unknown, sent: readonly AnswerInput[], questions: readonly SurveyQuestion[]): AnswerProblems {
  const problems: Record<string, AnswerProblem> = {};
  if (!Array.isArray(details)) return problems;
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { path, message, reason, questionId } = entry as { path?: unknown; message?: unknown; reason?: unknown; questionId?: unknown };
    let id: string | undefined = typeof questionId === 'string' ? questionId : undefined;
    if (!id && typeof path === 'string') {
      const index = /(?:^|\.)answers\[(\d+)\]/.exec(path)?.[1];
      if (index !== undefined) id = sent[Number(index)]?.questionId;
    }
    const question = questions.find((q) => q.id === id);
    if (!question || problems[question.id]) continue;
    problems[question.id] = problemFor(question, reason, typeof message === 'string' ? message : '');
  }
  return problems;
}
