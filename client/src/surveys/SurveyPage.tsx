// /surveys/:id: the answering form for members, with its outcomes ("thank you", "already answered", closed) and,
// for managers, the survey's controls (edit, open, close, results). The client checks required answers first; a
// 422 from the server marks the questions its details name.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Community } from '../../../server/contracts/api';
import type { AnswerInput, Survey } from '../../../server/contracts/surveys';
import { ApiRequestError } from '../api/errors';
import { ErrorNotice } from '../components/Notice';
import { Link } from '../router/Link';
import { AnswerFields, answerProblemText, questionControl } from './AnswerFields';
import { ErrorSummary, reveal } from './ErrorSummary';
import { answerProblemOrder } from './problemList';
import { sendResponse } from './api';
import { answerInputs, problemsFromDetails, validateAnswers, type AnswerProblems, type AnswerValue, type Answers } from './answers';
import { useSvI18n } from './i18n/useSvI18n';
import { ManagePanel } from './ManagePanel';
import { canManageSurveys } from './roles';
import { surveysPath } from './routes';
import { eventPath } from '../events/routes';
import { SurveyBadges } from './SurveyBadges';
import { clearFlash, flashFor } from './flash';
import { withZoneName } from './closingTime';

type Outcome = 'form' | 'thanks' | 'already' | 'closed' | 'notInAudience';

/** One survey's page. */
export function SurveyPage({ initial, community }: { initial: Survey; community: Community }) {
  const { t, formatDateTime, formatNumber } = useSvI18n();
  const [survey, setSurvey] = useState(initial);
  const [flash] = useState(() => flashFor(initial.id));
  useEffect(() => clearFlash(initial.id), [initial.id]);
  const [outcome, setOutcome] = useState<Outcome>(() => (initial.state === 'closed' ? 'closed' : initial.answered ? 'already' : 'form'));
  const [answers, setAnswers] = useState<Answers>({});
  const [problems, setProblems] = useState<AnswerProblems>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const manager = canManageSurveys(community.myRole);
  const form = useRef<HTMLFormElement>(null);
  const idPrefix = `answer-${survey.id}`;
  // Takes the keyboard (and a screen reader, and the view) to the first question that needs attention once marked.
  const focusFirstProblem = (): void => {
    window.setTimeout(() => {
      const first = form.current?.querySelector<HTMLElement>('fieldset[aria-invalid="true"]');
      if (first) reveal(questionControl(first.id));
    }, 0);
  };

  const change = (questionId: string, value: AnswerValue): void => {
    setAnswers((was) => ({ ...was, [questionId]: value }));
    setProblems((was) => {
      if (!was[questionId]) return was;
      const next = { ...was };
      delete next[questionId];
      return next;
    });
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setFailure(null);
    const found = validateAnswers(survey.questions, answers);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      focusFirstProblem();
      return;
    }
    const sent: AnswerInput[] = answerInputs(survey.questions, answers);
    setSending(true);
    sendResponse(survey.id, sent).then(
      () => {
        setSending(false);
        setOutcome('thanks');
        setSurvey((was) => ({ ...was, answered: true }));
      },
      (error: unknown) => {
        setSending(false);
        if (error instanceof ApiRequestError && error.code === 'already_responded') {
          setOutcome('already');
          setSurvey((was) => ({ ...was, answered: true }));
        }
        else if (error instanceof ApiRequestError && (error.code === 'survey_closed' || error.code === 'survey_not_open')) setOutcome('closed');
        else if (error instanceof ApiRequestError && error.code === 'forbidden' && survey.audience.kind === 'event') setOutcome('notInAudience');
        else if (error instanceof ApiRequestError && error.status === 422) {
          const marked = problemsFromDetails(error.details, sent, survey.questions);
          setProblems(marked);
          if (Object.keys(marked).length === 0) setFailure(error);
          else focusFirstProblem();
        } else setFailure(error);
      },
    );
  };

  const hasProblems = Object.keys(problems).length > 0;
  return (
    <div className="sv-page" data-testid="survey-page" data-state={survey.state} data-outcome={outcome}>
      <section className="card">
        <Link to={surveysPath(community.slug)} className="community-header__back">
          {t('sv.backToSurveys')}
        </Link>
        <h1 className="sv-page__title">{survey.title}</h1>
        <p className="sv-page__meta">
          {community.name} <SurveyBadges survey={survey} />
        </p>
        {survey.description && <p className="sv-page__description">{survey.description}</p>}
        {survey.state === 'open' && survey.closesAt && (
          <p className="sv-page__meta">{t('sv.answer.closesAt', { when: withZoneName(formatDateTime(survey.closesAt), survey.closesAt) })}</p>
        )}
        {survey.audience.kind === 'event' && (
          <p className="sv-page__meta" data-testid="sv-audience">
            {t('sv.answer.eventAudience')} <Link to={eventPath(survey.audience.eventId)}>{t('sv.answer.eventLink')}</Link>
          </p>
        )}
        <p className="sv-page__privacy" data-testid="sv-privacy">
          {survey.anonymous ? t('sv.answer.anonymousNote') : t('sv.answer.namedNote')}
        </p>
        {flash && (
          <p className="notice notice--ok" role="status" data-testid="sv-flash">
            {flash === 'opened' ? t('sv.form.opened') : t('sv.form.saved')}
          </p>
        )}
      </section>
      {manager && (
        <ManagePanel
          survey={survey}
          onChanged={(changed) => {
            setSurvey(changed);
            if (changed.state === 'closed') setOutcome('closed');
          }}
        />
      )}
      {survey.state === 'draft' && (
        <p className="notice notice--empty" data-testid="sv-draft">
          {t('sv.answer.draft')}
        </p>
      )}
      {outcome === 'thanks' && (
        <Done testId="sv-thanks" title={t('sv.answer.thanksTitle')} text={t('sv.answer.thanks')} slug={community.slug} />
      )}
      {outcome === 'already' && (
        <Done testId="sv-already" title={t('sv.answer.alreadyTitle')} text={t('sv.answer.already')} slug={community.slug} />
      )}
      {outcome === 'closed' && (
        <Done testId="sv-closed" title={t('sv.answer.closedTitle')} text={t('sv.answer.closed')} slug={community.slug} />
      )}
      {outcome === 'notInAudience' && (
        <Done testId="sv-not-audience" title={t('sv.answer.notInAudienceTitle')} text={t('sv.answer.notInAudience')} slug={community.slug} />
      )}
      {outcome === 'form' && survey.state !== 'closed' && (
        <form ref={form} className="card sv-answer" onSubmit={submit} noValidate data-testid="sv-answer-form">
          <AnswerFields
            questions={survey.questions}
            answers={answers}
            problems={problems}
            onChange={change}
            idPrefix={idPrefix}
            disabled={survey.state !== 'open' || sending}
          />
          {hasProblems && (
            <ErrorSummary
              title={t('sv.answer.fix')}
              testId="sv-answer-summary"
              find={questionControl}
              items={answerProblemOrder(survey.questions, problems).map(({ questionId, index }) => {
                const problem = problems[questionId];
                const prompt = survey.questions[index]?.prompt ?? '';
                return {
                  target: `${idPrefix}-${index}`,
                  text: `${formatNumber(index + 1)}. ${prompt}: ${problem ? answerProblemText(problem, t, formatNumber) : ''}`,
                };
              })}
            />
          )}
          {failure !== null && <ErrorNotice error={failure} />}
          <button type="submit" className="button sv-answer__submit" disabled={survey.state !== 'open' || sending} data-testid="sv-submit">
            {sending ? t('sv.answer.sending') : t('sv.answer.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

function Done({ testId, title, text, slug }: { testId: string; title: string; text: string; slug: string }) {
  const { t } = useSvI18n();
  return (
    <section className="card sv-done" role="status" data-testid={testId}>
      <h2>{title}</h2>
      <p>{text}</p>
      <Link to={surveysPath(slug)}>{t('sv.answer.backToSurveys')}</Link>
    </section>
  );
}
