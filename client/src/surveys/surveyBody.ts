// The builder's checks and what it sends: every problem of the form at once, the create body, the PATCH body of an
// edit (only what changed; an open survey never sends a locked field), the live preview's questions, and the
// server's 422 or survey_locked details mapped back onto fields and questions. Pure, so it is unit-tested.
import type { Survey, SurveyQuestion } from '../../../server/contracts/surveys';
import type { QuestionInput, SurveyInput, SurveyPatch } from './api';
import { TEXT_ANSWER_MAX } from './answers';
import {
  hasOptions,
  maxLengthOf,
  OPTION_MAX,
  PROMPT_MAX,
  RATING_CEILING,
  RATING_FLOOR,
  TITLE_MAX,
  DESCRIPTION_MAX,
  type QuestionDraft,
  type SurveyFormState,
  type SurveyFormValues,
} from './surveyForm';

/** Why a field or a question is refused; the builder words it in the reader's language. */
export type FormProblem = 'required' | 'tooLong' | 'options' | 'duplicate' | 'range' | 'past' | 'event' | 'invalid';

export interface FormProblems {
  title?: FormProblem;
  description?: FormProblem;
  closesAt?: FormProblem;
  event?: FormProblem;
  questions?: FormProblem;
  /** By question key. */
  question: Record<string, { prompt?: FormProblem; options?: FormProblem; range?: FormProblem }>;
}

export type CheckedForm = { ok: true; input: SurveyInput } | { ok: false; problems: FormProblems };

const isWhole = (text: string): boolean => /^\d+$/.test(text.trim());

/** The closing instant of the date and time inputs (viewer's zone), null when both are empty, 'invalid' otherwise. */
export function closesAtOf(date: string, time: string): string | null | 'invalid' {
  if (!date && !time) return null;
  if (!date) return 'invalid';
  const local = new Date(`${date}T${time || '23:59'}`);
  return Number.isNaN(local.getTime()) ? 'invalid' : local.toISOString();
}

function questionInput(q: QuestionDraft): QuestionInput {
  const input: QuestionInput = { kind: q.kind, prompt: q.prompt.trim(), required: q.required };
  if (q.id) input.id = q.id;
  if (hasOptions(q.kind)) input.options = q.options.map((o) => o.trim());
  if (q.kind === 'rating') {
    input.min = Number(q.min);
    input.max = Number(q.max);
  }
  if (q.kind === 'text' && q.maxLength !== null) input.maxLength = q.maxLength;
  return input;
}

/** Checks the builder and makes the create body; every problem is listed at once. `now` decides "in the past". */
export function checkSurveyForm(state: SurveyFormState, now: Date): CheckedForm {
  const { values } = state;
  const problems: FormProblems = { question: {} };
  const title = values.title.trim();
  if (!title) problems.title = 'required';
  else if (title.length > TITLE_MAX) problems.title = 'tooLong';
  if (values.description.length > DESCRIPTION_MAX) problems.description = 'tooLong';
  const closesAt = closesAtOf(values.closesDate, values.closesTime);
  if (closesAt === 'invalid') problems.closesAt = 'invalid';
  else if (closesAt !== null && Date.parse(closesAt) <= now.getTime()) problems.closesAt = 'past';
  if (values.audience === 'event' && !values.eventId) problems.event = 'event';
  if (values.questions.length === 0) problems.questions = 'required';
  for (const q of values.questions) {
    const found: FormProblems['question'][string] = {};
    const prompt = q.prompt.trim();
    if (!prompt) found.prompt = 'required';
    else if (prompt.length > PROMPT_MAX) found.prompt = 'tooLong';
    if (hasOptions(q.kind)) {
      const options = q.options.map((o) => o.trim());
      if (options.length < 2 || options.some((o) => !o)) found.options = 'options';
      else if (new Set(options.map((o) => o.toLocaleLowerCase())).size !== options.length) found.options = 'duplicate';
      else if (options.some((o) => o.length > OPTION_MAX)) found.options = 'tooLong';
    }
    if (q.kind === 'rating') {
      const ok = isWhole(q.min) && isWhole(q.max);
      const min = Number(q.min);
      const max = Number(q.max);
      if (!ok || min < RATING_FLOOR || max > RATING_CEILING || min >= max) found.range = 'range';
    }
    if (Object.keys(found).length > 0) problems.question[q.key] = found;
  }
  const failed =
    problems.title || problems.description || problems.closesAt || problems.event || problems.questions || Object.keys(problems.question).length > 0;
  if (failed || closesAt === 'invalid') return { ok: false, problems };
  const input: SurveyInput = { title, questions: values.questions.map(questionInput) };
  const description = values.description.trim();
  if (description) input.description = description;
  input.anonymous = values.anonymous;
  if (closesAt) input.closesAt = closesAt;
  if (values.audience === 'event') input.audience = { kind: 'event', eventId: values.eventId };
  return { ok: true, input };
}

/**
 * The PATCH body for an edit. A draft sends everything; an open survey only what it may change (title, description,
 * closing time, questions with new ones at the end), so the server never sees a locked field it would refuse.
 */
export function patchOf(input: SurveyInput, survey: Survey): SurveyPatch {
  const patch: SurveyPatch = { version: survey.version };
  if (input.title !== survey.title) patch.title = input.title;
  if ((input.description ?? '') !== survey.description) patch.description = input.description ?? '';
  const closesAt = input.closesAt ?? null;
  if ((closesAt === null ? null : Date.parse(closesAt)) !== (survey.closesAt === null ? null : Date.parse(survey.closesAt))) {
    patch.closesAt = closesAt;
  }
  if (survey.state === 'draft') {
    if (input.anonymous !== undefined && input.anonymous !== survey.anonymous) patch.anonymous = input.anonymous;
    const audience = input.audience ?? { kind: 'all' };
    if (JSON.stringify(audience) !== JSON.stringify(survey.audience)) patch.audience = audience;
  }
  const same =
    input.questions.length === survey.questions.length &&
    input.questions.every((q, i) => {
      const was = survey.questions[i];
      return (
        was !== undefined &&
        q.id === was.id &&
        q.kind === was.kind &&
        q.prompt === was.prompt &&
        (q.required ?? false) === was.required &&
        JSON.stringify(q.options ?? []) === JSON.stringify(was.options) &&
        (q.kind !== 'rating' || (q.min === was.min && q.max === was.max)) &&
        (q.kind !== 'text' || q.maxLength === undefined || q.maxLength === maxLengthOf(was))
      );
    });
  if (!same) patch.questions = input.questions;
  return patch;
}

/** The builder's questions as the answering form shows them (the live preview). */
export function previewQuestions(values: SurveyFormValues): SurveyQuestion[] {
  return values.questions.map((q) => {
    const min = Number(q.min);
    const max = Number(q.max);
    const rating = q.kind === 'rating' && isWhole(q.min) && isWhole(q.max) && min < max && max - min <= RATING_CEILING;
    return {
      id: q.key,
      kind: q.kind,
      prompt: q.prompt,
      options: hasOptions(q.kind) ? q.options : [],
      required: q.required,
      min: q.kind === 'nps' ? 0 : rating ? min : q.kind === 'rating' ? 1 : null,
      max: q.kind === 'nps' ? 10 : rating ? max : q.kind === 'rating' ? 5 : null,
      maxLength: q.kind === 'text' ? (q.maxLength ?? TEXT_ANSWER_MAX) : null,
    };
  });
}

/** Server messages by form place: "title", "description", "closesAt", "audience", "question:<index>". */
export type ServerProblems = Readonly<Record<string, string>>;

const FIELDS = new Set(['title', 'description', 'closesAt', 'audience', 'anonymous']);

/** The places a 422's details (`[{path, message}]`) point at; paths like "body.questions.2.options" or "questions[2]". */
export function serverProblemsOf(details: unknown): ServerProblems {
  const found: Record<string, string> = {};
  if (!Array.isArray(details)) return found;
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null || !('path' in entry)) continue;
    const { path, message } = entry as { path: unknown; message?: unknown };
    if (typeof path !== 'string') continue;
    const text = typeof message === 'string' ? message : '';
    const normal = path.replace(/^body\./, '');
    const question = /^questions(?:\[(\d+)\]|\.(\d+))/.exec(normal);
    const place = question ? `question:${question[1] ?? question[2] ?? ''}` : (normal.split(/[.[]/)[0] ?? '');
    if ((question || FIELDS.has(place)) && found[place] === undefined) found[place] = text;
  }
  return found;
}
