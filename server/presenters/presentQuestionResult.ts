// One question's results from its grouped counts (value -> count), as the contract shows them. Pure: the SQL
// aggregates are in server/queries/surveyResults.ts, so the arithmetic here is unit-tested on its own.
import type { QuestionKind, QuestionResult, ValueCount } from '../contracts/surveys';

export interface QuestionRow {
  id: string;
  kind: string;
  prompt: string;
  /** JSON text of the option labels. */
  options: string;
  min: number | null;
  max: number | null;
}

export interface QuestionTally {
  question: QuestionRow;
  /** optionIndex (single, multi) or numberValue (rating, nps) -> how many answers hold it. */
  counts: Map<number, number>;
  /** Responses that answered the question. */
  answered: number;
  /** The first page of text answers (text questions). */
  texts: { items: string[]; nextCursor: string | null };
}

const EMPTY_TEXTS = { items: [], nextCursor: null };

/** Option labels of a question row; [] when the stored JSON is not a list of strings. */
export function optionLabels(question: Pick<QuestionRow, 'options'>): string[] {
  try {
    const parsed: unknown = JSON.parse(question.options);
    return Array.isArray(parsed) ? parsed.map((label) => String(label)) : [];
  } catch {
    return [];
  }
}

/** The bounds a numeric question's answers lie in: nps is always 0..10, a rating its own (1..5 when unset). */
export function boundsOf(question: Pick<QuestionRow, 'kind' | 'min' | 'max'>): { min: number; max: number } {
  if (question.kind === 'nps') return { min: 0, max: 10 };
  return { min: question.min ?? 1, max: question.max ?? 5 };
}

/** Every value of min..max with its count, zeros included. */
function distributionOf(counts: Map<number, number>, bounds: { min: number; max: number }): ValueCount[] {
  const out: ValueCount[] = [];
  for (let value = bounds.min; value <= bounds.max; value++) out.push({ value, count: counts.get(value) ?? 0 });
  return out;
}

/** Mean of the counted values, two decimals; null when nobody answered. */
function meanOf(counts: Map<number, number>): number | null {
  let total = 0;
  let n = 0;
  for (const [value, count] of counts) {
    total += value * count;
    n += count;
  }
  return n === 0 ? null : Math.round((total / n) * 100) / 100;
}

/** Net Promoter Score: % promoters (9-10) minus % detractors (0-6), rounded to a whole number. */
export function npsOf(counts: Map<number, number>): { nps: number | null; promoters: number; passives: number; detractors: number } {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of counts) {
    if (value >= 9) promoters += count;
    else if (value >= 7) passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  // Math.round rounds halves up (-12.5 -> -12); round half away from zero instead, as spreadsheets do.
  const raw = n === 0 ? null : ((promoters - detractors) / n) * 100;
  const nps = raw === null ? null : Math.sign(raw) * Math.round(Math.abs(raw));
  return { nps: nps === 0 ? 0 : nps, promoters, passives, detractors };
}

/** A question's results; `hidden` withholds every breakdown (anonymous survey below the threshold). */
export function presentQuestionResult(tally: QuestionTally, options: { hidden: boolean }): QuestionResult {
  const { question } = tally;
  const hidden = options.hidden;
  const base = { questionId: question.id, prompt: question.prompt, answered: hidden ? 0 : tally.answered, hidden };
  const kind = question.kind as QuestionKind;
  switch (kind) {
    case 'single':
    case 'multi':
      return { ...base, kind, options: hidden ? [] : optionLabels(question).map((label, index) => ({ index, label, count: tally.counts.get(index) ?? 0 })) };
    case 'rating': {
      const bounds = boundsOf(question);
      return { ...base, kind, ...bounds, mean: hidden ? null : meanOf(tally.counts), distribution: hidden ? [] : distributionOf(tally.counts, bounds) };
    }
    case 'nps': {
      if (hidden) return { ...base, kind, nps: null, promoters: 0, passives: 0, detractors: 0, distribution: [] };
      return { ...base, kind, ...npsOf(tally.counts), distribution: distributionOf(tally.counts, boundsOf(question)) };
    }
    case 'text':
      return { ...base, kind, texts: hidden ? EMPTY_TEXTS : tally.texts };
  }
}
