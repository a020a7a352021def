// Request schemas of the survey routes. Unknown fields are refused (a misspelt `requried` silently ignored would
// leave a manager believing a question is required). Questions come out normalised: options trimmed, rating bounds
// defaulted, a text question's maxLength in `max` (the column the SurveyQuestion row keeps it in).
import { z } from 'zod';
import type { Clock } from '../../lib/clock';
import { DEFAULT_TEXT_MAX } from '../../lib/surveyAnswers';
import { pageQuery, text } from '../schemas';

export const SURVEY_LIMITS = { titleMax: 200, descriptionMax: 5000, promptMax: 500, optionMax: 200, optionsMin: 2, optionsMax: 20, questionsMax: 50, textMaxLength: 10_000 } as const;

const questionId = z.string().min(1).max(64).optional();
const prompt = text({ min: 1, max: SURVEY_LIMITS.promptMax });

const options = z
  .array(text({ min: 1, max: SURVEY_LIMITS.optionMax }))
  .min(SURVEY_LIMITS.optionsMin)
  .max(SURVEY_LIMITS.optionsMax)
  .refine((list) => new Set(list.map((o) => o.toLocaleLowerCase())).size === list.length, 'option labels must be unique');

const bound = z.number().int().min(0).max(10);

const choiceQuestion = z.strictObject({ id: questionId, kind: z.enum(['single', 'multi']), prompt, options, required: z.boolean().default(false) });
const ratingQuestion = z
  .strictObject({ id: questionId, kind: z.literal('rating'), prompt, required: z.boolean().default(false), min: bound.default(1), max: bound.default(5) })
  .refine((q) => q.min < q.max, { message: 'min must be below max', path: ['max'] });
const npsQuestion = z.strictObject({ id: questionId, kind: z.literal('nps'), prompt, required: z.boolean().default(false) });
const textQuestion = z.strictObject({ id: questionId, kind: z.literal('text'), prompt, required: z.boolean().default(false), maxLength: z.number().int().min(1).max(SURVEY_LIMITS.textMaxLength).default(DEFAULT_TEXT_MAX) });

/** A question as the commands take it: every kind in one shape. */
export interface QuestionInput {
  id?: string | undefined;
  kind: 'single' | 'multi' | 'rating' | 'nps' | 'text';
  prompt: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
}

export const questionSchema = z.discriminatedUnion('kind', [choiceQuestion, ratingQuestion, npsQuestion, textQuestion]).transform((q): QuestionInput => {
  const base = { ...(q.id !== undefined ? { id: q.id } : {}), kind: q.kind, prompt: q.prompt, required: q.required };
  if ('options' in q) return { ...base, options: q.options, min: null, max: null };
  if ('maxLength' in q) return { ...base, options: [], min: null, max: q.maxLength };
  if (q.kind === 'rating') return { ...base, options: [], min: q.min, max: q.max };
  return { ...base, options: [], min: 0, max: 10 };
});

const questions = z.array(questionSchema).min(1).max(SURVEY_LIMITS.questionsMax);

const audience = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('all') }), z.strictObject({ kind: z.literal('event'), eventId: z.string().min(1).max(64) })]);

/** closesAt must lie ahead of `clock()` when the body is parsed. */
function closesAt(clock: Clock) {
  return z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .refine((at) => at.getTime() > clock().getTime(), 'closesAt must be in the future');
}

const title = text({ min: 1, max: SURVEY_LIMITS.titleMax });
const description = text({ max: SURVEY_LIMITS.descriptionMax });

/** POST /communities/:slug/surveys. */
export function createSurveyBody(clock: Clock) {
  return z.strictObject({
    title,
    description: description.default(''),
    anonymous: z.boolean().default(false),
    closesAt: closesAt(clock).nullable().optional(),
    audience: audience.default({ kind: 'all' }),
    questions,
  });
}

/** PATCH /surveys/:id: any of the create fields (closesAt null clears it); `version` is the one the editor loaded. */
export function updateSurveyBody(clock: Clock) {
  return z
    .strictObject({
      title: title.optional(),
      description: description.optional(),
      anonymous: z.boolean().optional(),
      closesAt: closesAt(clock).nullable().optional(),
      audience: audience.optional(),
      questions: questions.optional(),
      version: z.number().int().min(0).max(2_147_483_647).optional(),
    })
    .refine((body) => Object.keys(body).some((key) => key !== 'version'), 'nothing to change');
}

export type CreateSurveyBody = z.output<ReturnType<typeof createSurveyBody>>;
export type UpdateSurveyBody = z.output<ReturnType<typeof updateSurveyBody>>;

/** GET /communities/:slug/surveys. */
export const listSurveysQuery = pageQuery.extend({ state: z.enum(['draft', 'open', 'closed']).optional() });

/** POST /surveys/:id/responses: shapes only; each answer's value is judged against its question (surveyAnswers.ts). */
export const answerBody = z.strictObject({
  answers: z
    .array(z.object({ questionId: z.unknown(), value: z.unknown().optional() }))
    .max(SURVEY_LIMITS.questionsMax * 2),
});
