// The builder's state as a pure reducer: the survey's fields, its questions (add, edit, reorder, remove), and which
// parts an open survey keeps locked so answers already given stay valid. Checked and turned into API bodies here,
// so the rules are unit-tested without a browser.
import type { QuestionKind, Survey, SurveyQuestion } from '../../../server/contracts/surveys';
import type { QuestionInput, SurveyInput, SurveyPatch } from './api';
import { TEXT_ANSWER_MAX } from './answers';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5_000;
export const PROMPT_MAX = 500;
export const OPTION_MAX = 200;
export const OPTIONS_MAX = 20;
export const QUESTIONS_MAX = 50;
/** Ratings go between these bounds (inclusive); the form offers 1..5 first. */
export const RATING_FLOOR = 0;
export const RATING_CEILING = 10;

export interface QuestionDraft {
  /** A stable key for React and the reducer (the server id when there is one). */
  key: string;
  /** The server's id of a saved question; null for a new one. */
  id: string | null;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
  /** Rating bounds as typed. */
  min: string;
  max: string;
  /** Saved on an open survey: kind, required, bounds, position and existing options stay as they are. */
  locked: boolean;
  /** How many options were saved (an open survey's existing options may be reworded, not removed). */
  savedOptions: number;
}

export interface SurveyFormValues {
  title: string;
  description: string;
  anonymous: boolean;
  /** yyyy-MM-dd and HH:mm in the viewer's zone; both empty: no closing time. */
  closesDate: string;
  closesTime: string;
  audience: 'all' | 'event';
  eventId: string;
  questions: QuestionDraft[];
}

export interface SurveyFormState {
  values: SurveyFormValues;
  /** True when editing an open survey (locks apply). */
  open: boolean;
  /** Counter for new question keys. */
  nextKey: number;
}

export type SurveyFormAction =
  | { type: 'set'; field: 'title' | 'description' | 'closesDate' | 'closesTime' | 'eventId'; value: string }
  | { type: 'setAnonymous'; value: boolean }
  | { type: 'setAudience'; value: 'all' | 'event' }
  | { type: 'add'; kind: QuestionKind }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; by: -1 | 1 }
  | { type: 'setKind'; key: string; kind: QuestionKind }
  | { type: 'setPrompt'; key: string; value: string }
  | { type: 'setRequired'; key: string; value: boolean }
  | { type: 'setBound'; key: string; bound: 'min' | 'max'; value: string }
  | { type: 'addOption'; key: string }
  | { type: 'setOption'; key: string; index: number; value: string }
  | { type: 'removeOption'; key: string; index: number }
  | { type: 'load'; survey: Survey };

const hasOptions = (kind: QuestionKind): boolean => kind === 'single' || kind === 'multi';

/** A fresh question of a kind: two empty options for choices, 1..5 for ratings. */
export function newQuestion(kind: QuestionKind, key: string): QuestionDraft {
  return {
    key,
    id: null,
    kind,
    prompt: '',
    options: hasOptions(kind) ? ['', ''] : [],
    required: false,
    min: kind === 'rating' ? '1' : '',
    max: kind === 'rating' ? '5' : '',
    locked: false,
    savedOptions: 0,
  };
}

function draftOf(question: SurveyQuestion, open: boolean): QuestionDraft {
  return {
    key: question.id,
    id: question.id,
    kind: question.kind,
    prompt: question.prompt,
    options: [...question.options],
    required: question.required,
    min: question.kind === 'rating' && question.min !== null ? String(question.min) : '',
    max: question.kind === 'rating' && question.max !== null ? String(question.max) : '',
    locked: open,
    savedOptions: open ? question.options.length : 0,
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** An instant as the viewer's local date and time inputs. */
export function localParts(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** The builder for a new survey, or for editing `survey`. */
export function initialSurveyForm(survey?: Survey): SurveyFormState {
  if (!survey) {
    return {
      values: {
        title: '',
        description: '',
        anonymous: false,
        closesDate: '',
        closesTime: '',
        audience: 'all',
        eventId: '',
        questions: [newQuestion('single', 'q1')],
      },
      open: false,
      nextKey: 2,
    };
  }
  const open = survey.state !== 'draft';
  const closes = localParts(survey.closesAt);
  return {
    values: {
      title: survey.title,
      description: survey.description,
      anonymous: survey.anonymous,
      closesDate: closes.date,
      closesTime: closes.time,
      audience: survey.audience.kind,
      eventId: survey.audience.kind === 'event' ? survey.audience.eventId : '',
      questions: survey.questions.map((q) => draftOf(q, open)),
    },
    open,
    nextKey: 1,
  };
}

function mapQuestion(state: SurveyFormState, key: string, change: (q: QuestionDraft) => QuestionDraft): SurveyFormState {
  return {
    ...state,
    values: { ...state.values, questions: state.values.questions.map((q) => (q.key === key ? change(q) : q)) },
  };
}

/** Whether a question may move by one place: never past a locked (saved, open) question, nor out of the list. */
export function canMove(questions: readonly QuestionDraft[], key: string, by: -1 | 1): boolean {
  const from = questions.findIndex((q) => q.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= questions.length) return false;
  return !questions[from]?.locked && !questions[to]?.locked;
}

/** The builder's reducer: every edit an open survey forbids is ignored here too. */
export function surveyFormReducer(state: SurveyFormState, action: SurveyFormAction): SurveyFormState {
  const { values } = state;
  switch (action.type) {
    case 'set':
      if (state.open && action.field === 'eventId') return state;
      return { ...state, values: { ...values, [action.field]: action.value } };
    case 'setAnonymous':
      return state.open ? state : { ...state, values: { ...values, anonymous: action.value } };
    case 'setAudience':
      return state.open ? state : { ...state, values: { ...values, audience: action.value } };
    case 'add': {
      if (values.questions.length >= QUESTIONS_MAX) return state;
      const question = newQuestion(action.kind, `q${state.nextKey}-new`);
      return { ...state, nextKey: state.nextKey + 1, values: { ...values, questions: [...values.questions, question] } };
    }
    case 'remove': {
      const target = values.questions.find((q) => q.key === action.key);
      if (!target || target.locked) return state;
      return { ...state, values: { ...values, questions: values.questions.filter((q) => q.key !== action.key) } };
    }
    case 'move': {
      if (!canMove(values.questions, action.key, action.by)) return state;
      const questions = [...values.questions];
      const from = questions.findIndex((q) => q.key === action.key);
      const [moved] = questions.splice(from, 1);
      if (!moved) return state;
      questions.splice(from + action.by, 0, moved);
      return { ...state, values: { ...values, questions } };
    }
    case 'setKind':
      return mapQuestion(state, action.key, (q) => (q.locked ? q : { ...newQuestion(action.kind, q.key), prompt: q.prompt, required: q.required }));
    case 'setPrompt':
      return mapQuestion(state, action.key, (q) => ({ ...q, prompt: action.value }));
    case 'setRequired':
      // New questions on an open survey must stay optional: members who already answered never saw them.
      return mapQuestion(state, action.key, (q) => (q.locked || state.open ? q : { ...q, required: action.value }));
    case 'setBound':
      return mapQuestion(state, action.key, (q) => (q.locked ? q : { ...q, [action.bound]: action.value }));
    case 'addOption':
      return mapQuestion(state, action.key, (q) => (q.options.length >= OPTIONS_MAX ? q : { ...q, options: [...q.options, ''] }));
    case 'setOption':
      return mapQuestion(state, action.key, (q) => ({ ...q, options: q.options.map((o, i) => (i === action.index ? action.value : o)) }));
    case 'removeOption':
      return mapQuestion(state, action.key, (q) =>
        action.index < q.savedOptions ? q : { ...q, options: q.options.filter((_, i) => i !== action.index) },
      );
    case 'load':
      return initialSurveyForm(action.survey);
  }
}

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
        (q.kind !== 'rating' || (q.min === was.min && q.max === was.max))
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
    // Asserted: `maxLength` is joining the contract's SurveyQuestion (the server's text limit).
    return {
      id: q.key,
      kind: q.kind,
      prompt: q.prompt,
      options: hasOptions(q.kind) ? q.options : [],
      required: q.required,
      min: q.kind === 'nps' ? 0 : rating ? min : q.kind === 'rating' ? 1 : null,
      max: q.kind === 'nps' ? 10 : rating ? max : q.kind === 'rating' ? 5 : null,
      maxLength: q.kind === 'text' ? TEXT_ANSWER_MAX : null,
    } as SurveyQuestion;
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
