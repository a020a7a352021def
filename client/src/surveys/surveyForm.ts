// The builder's state as a pure reducer: the survey's fields, its questions (add, edit, reorder, remove), and which
// parts an open survey keeps locked so answers already given stay valid (checks and bodies: surveyBody.ts). Pure,
// so the rules are unit-tested without a browser.
import type { QuestionKind, Survey, SurveyQuestion } from '../../../server/contracts/surveys';

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
  /** A text question's limit as the server keeps it; null: the server's default. */
  maxLength: number | null;
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

/** Whether a kind has option labels. */
export const hasOptions = (kind: QuestionKind): boolean => kind === 'single' || kind === 'multi';

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
    maxLength: null,
  };
}

/** A text question's own limit; null for other kinds. */
export const maxLengthOf = (question: SurveyQuestion): number | null => (question.kind === 'text' ? question.maxLength : null);

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
    maxLength: maxLengthOf(question),
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
      // On an open survey a question may only become optional: members who already answered may have skipped it,
      // and new questions stay optional because earlier respondents never saw them.
      return mapQuestion(state, action.key, (q) => (state.open && action.value ? q : { ...q, required: action.value }));
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
