// The builder's submit side: check the form, create or patch, open when asked, and turn the server's answers into
// what the form shows (422 details on fields and questions, survey_locked and version_conflict as notices).
import { useReducer, useState } from 'react';
import type { Survey } from '../../../server/contracts/surveys';
import { ApiRequestError } from '../api/errors';
import { navigate } from '../router/router';
import { createSurvey, getSurvey, openSurvey, updateSurvey } from './api';
import { leaveFlash } from './flash';
import { surveyPath } from './routes';
import {
  checkSurveyForm,
  initialSurveyForm,
  patchOf,
  serverProblemsOf,
  surveyFormReducer,
  type FormProblems,
  type ServerProblems,
  type SurveyFormAction,
  type SurveyFormState,
} from './surveyForm';

export interface SurveyBuilder {
  state: SurveyFormState;
  dispatch: (action: SurveyFormAction) => void;
  survey: Survey | undefined;
  problems: FormProblems;
  server: ServerProblems;
  saving: boolean;
  locked: boolean;
  conflict: boolean;
  failure: unknown;
  save: (options: { open: boolean }) => void;
  reload: () => void;
}

/** The builder for a new survey of `slug`, or for editing `loaded`. */
export function useSurveyBuilder({ slug, loaded }: { slug: string; loaded: Survey | undefined }): SurveyBuilder {
  const [survey, setSurvey] = useState(loaded);
  const [state, rawDispatch] = useReducer(surveyFormReducer, loaded, initialSurveyForm);
  const [problems, setProblems] = useState<FormProblems>({ question: {} });
  const [server, setServer] = useState<ServerProblems>({});
  const [saving, setSaving] = useState(false);
  const [locked, setLocked] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const dispatch = (action: SurveyFormAction): void => {
    rawDispatch(action);
    // Touching the form takes old complaints away until the next save looks again.
    setProblems((was) => (was.title || was.questions || Object.keys(was.question).length ? { question: {} } : was));
    setServer((was) => (Object.keys(was).length ? {} : was));
  };

  const failed = (error: unknown): void => {
    setSaving(false);
    if (error instanceof ApiRequestError && error.code === 'survey_locked') setLocked(true);
    else if (error instanceof ApiRequestError && error.code === 'version_conflict') setConflict(true);
    else if (error instanceof ApiRequestError && error.status === 422) {
      const marked = serverProblemsOf(error.details);
      setServer(marked);
      setFailure(Object.keys(marked).length > 0 ? null : error);
    } else setFailure(error);
  };

  const save = ({ open }: { open: boolean }): void => {
    setFailure(null);
    setLocked(false);
    setServer({});
    const checked = checkSurveyForm(state, new Date());
    if (!checked.ok) {
      setProblems(checked.problems);
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
      setLocked(false);
      setConflict(false);
      setServer({});
      setProblems({ question: {} });
    }, setFailure);
  };

  return { state, dispatch, survey, problems, server, saving, locked, conflict, failure, save, reload };
}
