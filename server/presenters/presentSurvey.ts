// Survey rows -> the contract's Survey: an explicit whitelist of fields. Anonymity is not the presenter's concern
// (a survey names no respondent), but the state is: an open survey whose closesAt has passed reads as closed even
// before its closing job has run, as answering it does.
import type { User } from '../contracts/api';
import type { QuestionKind, Survey, SurveyQuestion, SurveyState } from '../contracts/surveys';
import { textMax } from '../lib/surveyAnswers';

export interface SurveyQuestionRow {
  id: string;
  position: number;
  kind: string;
  prompt: string;
  options: string;
  required: boolean;
  min: number | null;
  max: number | null;
}

export interface SurveyRow {
  id: string;
  title: string;
  description: string;
  anonymous: boolean;
  state: string;
  closesAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  audience: string;
  audienceEventId: string | null;
  responseCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The option labels a question row keeps as JSON text. */
export function parseOptions(options: string): string[] {
  try {
    const parsed: unknown = JSON.parse(options);
    return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
}

/** The state a member sees: open with closesAt passed reads as closed. */
export function surveyState(row: Pick<SurveyRow, 'state' | 'closesAt'>, now: Date): SurveyState {
  if (row.state === 'open' && row.closesAt && row.closesAt.getTime() <= now.getTime()) return 'closed';
  return row.state === 'open' || row.state === 'closed' ? row.state : 'draft';
}

/** One question as the contract shows it (a text question's maxLength is kept in the `max` column). */
export function presentQuestion(row: SurveyQuestionRow): SurveyQuestion {
  const kind = row.kind as QuestionKind;
  const rated = kind === 'rating' || kind === 'nps';
  return {
    id: row.id,
    kind,
    prompt: row.prompt,
    options: kind === 'single' || kind === 'multi' ? parseOptions(row.options) : [],
    required: row.required,
    min: rated ? (kind === 'nps' ? 0 : (row.min ?? 1)) : null,
    max: rated ? (kind === 'nps' ? 10 : (row.max ?? 5)) : null,
    maxLength: kind === 'text' ? textMax(row) : null,
  };
}

/** A survey with its questions in order, as the caller sees it. */
export function presentSurvey(input: { row: SurveyRow; questions: SurveyQuestionRow[]; communitySlug: string; createdBy: User; answered: boolean; now: Date }): Survey {
  const { row } = input;
  return {
    id: row.id,
    communitySlug: input.communitySlug,
    title: row.title,
    description: row.description,
    anonymous: row.anonymous,
    state: surveyState(row, input.now),
    closesAt: row.closesAt?.toISOString() ?? null,
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    audience: row.audience === 'event' && row.audienceEventId ? { kind: 'event', eventId: row.audienceEventId } : { kind: 'all' },
    questions: [...input.questions].sort((a, b) => a.position - b.position).map(presentQuestion),
    answered: input.answered,
    responseCount: row.responseCount,
    version: row.version,
    createdBy: input.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
