// The surveys part of the HTTP contract (see /work/shared/api.md, "Surveys and feedback"): list, read, build, open,
// close, answer, results, text answers paged and the CSV export.
import type { SurveyAudience } from '../../../server/contracts/surveys';
import type { AnswerInput, QuestionKind, Survey, SurveyResults } from '../../../server/contracts/surveys';
import { requestJson, withQuery } from '../api/http';

/** One question as the builder sends it; `id` names an existing question when editing. */
export interface QuestionInput {
  id?: string;
  kind: QuestionKind;
  prompt: string;
  options?: string[];
  required?: boolean;
  min?: number;
  max?: number;
}

/** The create body. */
export interface SurveyInput {
  title: string;
  description?: string;
  anonymous?: boolean;
  closesAt?: string | null;
  audience?: SurveyAudience;
  questions: QuestionInput[];
}

/** The edit body: any create field; `version` is the one the editor loaded. */
export type SurveyPatch = Partial<SurveyInput> & { version?: number };

const surveyApiPath = (id: string): string => `/api/surveys/${encodeURIComponent(id)}`;
const communitySurveysPath = (slug: string): string => `/api/communities/${encodeURIComponent(slug)}/surveys`;

/** A community's surveys, newest first (drafts only for managers). */
export async function listSurveys(slug: string, signal?: AbortSignal): Promise<Survey[]> {
  const page = await requestJson<{ items?: Survey[]; surveys?: Survey[] }>('GET', communitySurveysPath(slug), {
    query: { limit: 100 },
    signal,
  });
  return page.items ?? page.surveys ?? [];
}

/** One survey with its questions and whether I answered it. */
export async function getSurvey(id: string, signal?: AbortSignal): Promise<Survey> {
  return (await requestJson<{ survey: Survey }>('GET', surveyApiPath(id), { signal })).survey;
}

/** Creates a draft (managers). */
export async function createSurvey(slug: string, input: SurveyInput): Promise<Survey> {
  return (await requestJson<{ survey: Survey }>('POST', communitySurveysPath(slug), { body: input })).survey;
}

/** Edits a survey (managers); an open one only in ways that keep given answers valid (409 survey_locked). */
export async function updateSurvey(id: string, patch: SurveyPatch): Promise<Survey> {
  return (await requestJson<{ survey: Survey }>('PATCH', surveyApiPath(id), { body: patch })).survey;
}

/** Opens a draft for answers. */
export async function openSurvey(id: string): Promise<Survey> {
  return (await requestJson<{ survey: Survey }>('POST', `${surveyApiPath(id)}/open`)).survey;
}

/** Closes an open survey (idempotent on the server). */
export async function closeSurvey(id: string): Promise<Survey> {
  return (await requestJson<{ survey: Survey }>('POST', `${surveyApiPath(id)}/close`)).survey;
}

/** Sends my answers: 201, or 409 already_responded / survey_closed, or 422 naming each bad answer. */
export async function sendResponse(id: string, answers: AnswerInput[]): Promise<void> {
  await requestJson<unknown>('POST', `${surveyApiPath(id)}/responses`, { body: { answers } });
}

/** The results (managers). */
export async function getResults(id: string, signal?: AbortSignal): Promise<SurveyResults> {
  return (await requestJson<{ results: SurveyResults }>('GET', `${surveyApiPath(id)}/results`, { signal })).results;
}

/** A further page of a text question's answers. */
export function getTextAnswers(
  id: string,
  questionId: string,
  cursor: string,
  signal?: AbortSignal,
): Promise<{ items: string[]; nextCursor: string | null }> {
  return requestJson<{ items: string[]; nextCursor: string | null }>(
    'GET',
    `${surveyApiPath(id)}/results/questions/${encodeURIComponent(questionId)}/texts`,
    { query: { cursor }, signal },
  );
}

/** The CSV export's address (a plain link: the session cookie goes with it). */
export const resultsCsvUrl = (id: string, identify: boolean): string =>
  withQuery(`${surveyApiPath(id)}/results.csv`, { identify: identify ? 'true' : undefined });
