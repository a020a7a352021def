// The builder's submit side: check the form, create or patch, open when asked, and turn the server's answers into
// what the form shows (422 details on fields and questions, survey_locked and version_conflict as notices).
import { useReducer, useState } from 'react';
import type { Survey } from '../../../server/contracts/surveys';
import { ApiRequestError } from '../api/errors';
import { navigate } from '../router/router';
import { createSurvey, getSurvey, openSurvey, updateSurvey } from './api';
import { leaveFlash } from './flash';
import { surveyPath } from './routes';
import { checkSurveyForm, patchOf, serverProblemsOf, type FormProblems, type ServerProblems } from './surveyBody';
import { initialSurveyForm, surveyFormReducer, type SurveyFormAction, type SurveyFormState } from './surveyForm';

/** Whether any field or question is marked. */
export function hasProblems(problems: FormProblems): boolean {
  const { question, ...fields } = problems;
  return Object.values(fields).some(Boolean) || Object.keys(question).length > 0;
}

/** The sentences of a survey_locked refusal's details, without repeats. */
function lockMessages(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  const texts = details.flatMap((entry: unknown) =>
    typeof entry === 'object' && entry !== null && 'message' in entry && typeof entry.message === 'string' ? [entry.message] : [],
  );
  return [...new Set(texts)];
}

export interface SurveyBuilder {
  state: SurveyFormState;
  dispatch: (action: SurveyFormAction) => void;
  survey: Survey | undefined;
  problems: FormProblems;
  server: ServerProblems;
  saving: boolean;
  /** The server refused an open survey's edit (survey_locked), with its sentences; null otherwise. */
  locked: string[] | null;
  conflict: boolean;
  failure: unknown;
  save: (options: { open: boolean }) => void;
  /** Counts the saves that ended with marked fields (client checks or the server's details): the page takes the
   * keyboard to the first one each time. */
  attempt: number;
  reload: () => void;
}

/** The builder for a new survey of `slug`, or for editing `loaded`. */
export function useSurveyBuilder({ slug, loaded }: { slug: string; loaded: Survey | undefined }): SurveyBuilder {
  const [survey, setSurvey] = useState(loaded);
  const [state, rawDispatch] = useReducer(surveyFormReducer, loaded, initialSurveyForm);
  const [problems, setProblems] = useState<FormProblems>({ question: {} });
  const [server, setServer] = useState<ServerProblems>({});
  const [saving, setSaving] = useState(false);
  const [locked, setLocked] = useState<string[] | null>(null);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const markedAgain = (): void => setAttempt((n) => n + 1);

  const dispatch = (action: SurveyFormAction): void => {
    rawDispatch(action);
    // Touching the form takes old complaints away until the next save looks again.
    setProblems((was) => (hasProblems(was) ? { question: {} } : was));
    setServer((was) => (Object.keys(was).length ? {} : was));
  };

  const failed = (error: unknown): void => {
    setSaving(false);
    if (error instanceof ApiRequestError && error.code === 'survey_locked') {
      // Each locked change is named (in the reader's language) and marked on its question where it has one.
      setLocked(lockMessages(error.details));
      setServer(serverProblemsOf(error.details));
      markedAgain();
    }
    else if (error instanceof ApiRequestError && error.code === 'version_conflict') setConflict(true);
    else if (error instanceof ApiRequestError && error.status === 422) {
      const marked = serverProblemsOf(error.details);
      setServer(marked);
      setFailure(Object.keys(marked).length > 0 ? null : error);
      if (Object.keys(marked).length > 0) markedAgain();
    } else setFailure(error);
  };

  const save = ({ open }: { open: boolean }): void => {
    setFailure(null);
    setLocked(null);
    setServer({});
    const checked = checkSurveyForm(state, new Date());
    if (!checked.ok) {
      setProblems(checked.problems);
      markedAgain();
      return;
    }
    setProblems({ question: {} });
    setSaving(true);
    const write = survey ? updateSurvey(survey.id, patchOf(checked.input, survey)) : createSurvey(slug, checked.input);
    write
      .then((saved) => {
        // Saved first: a failed open leaves a draft the manager can open from its page, not a lost survey.
        setSurvey(saved);
        return open && saved.state === 'draft' ? openSurvey(saved.id) : saved;
      })
      .then((done) => {
        leaveFlash(done.id, open ? 'opened' : 'saved');
        navigate(surveyPath(done.id));
      }, failed);
  };

  const reload = (): void => {
    if (!survey) return;
    getSurvey(survey.id).then((fresh) => {
      setSurvey(fresh);
      rawDispatch({ type: 'load', survey: fresh });
      setLocked(null);
      setConflict(false);
      setServer({});
      setProblems({ question: {} });
    }, setFailure);
  };

  return { state, dispatch, survey, problems, server, saving, locked, conflict, failure, save, reload, attempt };
}
