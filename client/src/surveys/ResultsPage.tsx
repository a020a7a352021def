// /surveys/:id/results (managers): response count and rate, live as answers arrive; per question the bars per
// option, the rating distribution with its mean, the NPS with its groups, the written answers page by page; the
// "hidden below 5 responses" state of anonymous surveys explained; the CSV download.
import { useState } from 'react';
import type { Community } from '../../../server/contracts/api';
import type { QuestionResult, Survey } from '../../../server/contracts/surveys';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { Link } from '../router/Link';
import { getTextAnswers, resultsCsvUrl } from './api';
import { useSvI18n } from './i18n/useSvI18n';
import { formatNps } from './nps';
import { CountBars, CountTable, NpsBar } from './ResultCharts';
import { optionRows, valueRows } from './resultRows';
import { canManageSurveys } from './roles';
import { surveyPath } from './routes';
import { SurveyBadges } from './SurveyBadges';
import { useLiveResults } from './useLiveResults';

/** The results screen of a survey. */
export function ResultsPage({ survey, community }: { survey: Survey; community: Community }) {
  const { t, tn, formatNumber } = useSvI18n();
  const live = useLiveResults({ surveyId: survey.id, slug: community.slug, role: community.myRole, anonymous: survey.anonymous });
  const [identify, setIdentify] = useState(false);
  if (!canManageSurveys(community.myRole)) {
    return (
      <EmptyState title={t('sv.form.managersOnly')}>
        <Link to={surveyPath(survey.id)}>{survey.title}</Link>
      </EmptyState>
    );
  }
  const { state } = live;
  const results = state.status === 'ready' ? state.results : null;
  // The server refuses the CSV of an anonymous survey while its breakdowns are hidden (409 results_hidden); until
  // the results say otherwise the button stays off, with the reason next to it.
  const csvHidden = survey.anonymous && (results === null || results.hidden);
  return (
    <div className="sv-results" data-testid="survey-results" data-realtime={live.room}>
      <section className="card">
        <Link to={surveyPath(survey.id)} className="community-header__back">
          ← {survey.title}
        </Link>
        <h1 className="sv-page__title">
          {t('sv.results.title')} · {survey.title}
        </h1>
        <p className="sv-page__meta">
          {community.name} <SurveyBadges survey={{ ...survey, answered: false }} />
          {live.room === 'joined' && <span className="badge sv-badge sv-badge--live"> ● {t('sv.results.live')}</span>}
        </p>
        {results && (
          <div className="sv-summary" aria-live="polite">
            <p className="sv-summary__count" data-testid="sv-response-count" data-count={results.responseCount}>
              {tn('sv.results.responses', results.responseCount)}
            </p>
            <p className="sv-summary__rate" data-testid="sv-response-rate">
              {t('sv.results.rate', { rate: `${formatNumber(Math.round(results.responseRate * 100))}%`, audience: formatNumber(results.audienceSize) })}
            </p>
          </div>
        )}
        <div className="sv-csv">
          {!survey.anonymous && (
            <label className="mod-check">
              <input type="checkbox" checked={identify} onChange={(e) => setIdentify(e.target.checked)} />
              {t('sv.results.identify')}
            </label>
          )}
          {csvHidden ? (
            <button type="button" className="button button--secondary" disabled aria-describedby={results ? 'sv-csv-reason' : undefined} data-testid="sv-csv">
              {t('sv.results.csv')}
            </button>
          ) : (
            <a className="button button--secondary" href={resultsCsvUrl(survey.id, identify && !survey.anonymous)} download data-testid="sv-csv">
              {t('sv.results.csv')}
            </a>
          )}
          {csvHidden && results !== null && (
            <p className="field__hint" id="sv-csv-reason" data-testid="sv-csv-reason">
              {t('sv.results.csvHidden', { threshold: formatNumber(results.threshold) })}
            </p>
          )}
          {survey.anonymous && !csvHidden && <p className="field__hint">{t('sv.results.csvAnonymous')}</p>}
        </div>
        {survey.anonymous && results !== null && !results.hidden && (
          // Live counts move at once; breakdowns follow in steps of 5 responses so one answer cannot be singled out.
          <p className="field__hint" data-testid="sv-batched">
            {t('sv.results.batched')}
          </p>
        )}
      </section>
      {live.room === 'reconnecting' && (
        <p className="feed__offline" role="status">
          {t('sv.reconnecting')}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={live.reload} />}
      {results?.hidden && (
        <div className="notice notice--info" role="status" data-testid="sv-hidden">
          <p className="notice__title">{t('sv.results.hidden', { threshold: formatNumber(results.threshold) })}</p>
          <p>{t('sv.results.hiddenHelp', { threshold: formatNumber(results.threshold) })}</p>
        </div>
      )}
      {results &&
        results.questions.map((question, index) => (
          <QuestionCard key={question.questionId} question={question} number={index + 1} surveyId={survey.id} />
        ))}
    </div>
  );
}

/** One question's results; while an anonymous survey's breakdowns are hidden, only its prompt (the notice above
 * says why once, and no per-question count of 0 suggests that nobody answered). */
function QuestionCard({ question, number, surveyId }: { question: QuestionResult; number: number; surveyId: string }) {
  const { t, tn } = useSvI18n();
  return (
    <section className="card sv-result" data-testid="sv-result" data-kind={question.kind} data-hidden={question.hidden ? 'true' : undefined} data-answered={question.hidden ? undefined : question.answered}>
      <h2 className="sv-result__prompt">
        {number}. {question.prompt}
      </h2>
      {!question.hidden && <p className="sv-result__meta">{tn('sv.results.answered', question.answered)}</p>}
      {!question.hidden && question.kind === 'multi' && <p className="field__hint" data-testid="sv-multi-note">{t('sv.results.multiNote')}</p>}
      {!question.hidden && <Breakdown question={question} surveyId={surveyId} />}
    </section>
  );
}

function Breakdown({ question, surveyId }: { question: QuestionResult; surveyId: string }) {
  const { t, tn, formatNumber } = useSvI18n();
  // "1: 0 jawaban; 2: 3 jawaban": each bar's label and its count, so a screen reader never reads "1 0".
  const list = (rows: { label: string; count: number }[]): string => rows.map((r) => `${r.label}: ${tn('sv.results.answers', r.count)}`).join('; ');
  if (question.answered === 0 && question.kind !== 'text') return <p className="sv-muted">{t('sv.results.noAnswers')}</p>;
  switch (question.kind) {
    case 'single':
    case 'multi': {
      const rows = optionRows(question.options);
      return (
        <>
          <CountBars rows={rows} label={t('sv.results.chartOptions', { prompt: question.prompt, list: list(rows) })} testId="sv-option-chart" />
          <CountTable rows={rows} total={question.answered} head={t('sv.results.option')} />
        </>
      );
    }
    case 'rating': {
      const rows = valueRows(question.distribution, { min: question.min, max: question.max });
      return (
        <>
          <p className="sv-result__figure" data-testid="sv-mean">
            {t('sv.results.mean', {
              mean: question.mean === null ? '–' : formatNumber(Math.round(question.mean * 100) / 100),
              min: formatNumber(question.min),
              max: formatNumber(question.max),
            })}
          </p>
          <CountBars rows={rows} label={t('sv.results.chartOptions', { prompt: question.prompt, list: list(rows) })} testId="sv-rating-chart" />
          <CountTable rows={rows} total={question.answered} head={t('sv.results.value')} />
        </>
      );
    }
    case 'nps': {
      const score = formatNps(question.nps, formatNumber);
      const groups = [
        { label: t('sv.results.detractors'), count: question.detractors },
        { label: t('sv.results.passives'), count: question.passives },
        { label: t('sv.results.promoters'), count: question.promoters },
      ];
      return (
        <>
          <p className="sv-result__figure" data-testid="sv-nps">
            {t('sv.results.nps', { score })}
          </p>
          <p className="field__hint">{t('sv.results.npsHelp')}</p>
          <NpsBar
            detractors={question.detractors}
            passives={question.passives}
            promoters={question.promoters}
            label={t('sv.results.chartNps', {
              score,
              detractors: formatNumber(question.detractors),
              passives: formatNumber(question.passives),
              promoters: formatNumber(question.promoters),
            })}
          />
          <CountTable rows={groups} total={question.answered} head="NPS" />
          <details className="sv-details">
            <summary>{t('sv.results.distribution')}</summary>
            <CountTable rows={valueRows(question.distribution, { min: 0, max: 10, npsColours: true })} total={question.answered} head={t('sv.results.value')} />
          </details>
        </>
      );
    }
    case 'text':
      return <TextAnswers key={question.questionId} surveyId={surveyId} questionId={question.questionId} first={question.texts} />;
  }
}

function TextAnswers({ surveyId, questionId, first }: { surveyId: string; questionId: string; first: { items: string[]; nextCursor: string | null } }) {
  const { t } = useSvI18n();
  // Later pages the manager asked for, after the first page as it was then: the live first page moves as answers
  // arrive (newest first), and following it would drop the answers it pushes onto the pages already loaded.
  const [more, setMore] = useState<{ base: string[]; items: string[]; nextCursor: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const items = more ? [...more.base, ...more.items] : first.items;
  const cursor = more ? more.nextCursor : first.nextCursor;
  const load = (): void => {
    if (!cursor) return;
    setLoading(true);
    setFailure(null);
    getTextAnswers(surveyId, questionId, cursor).then(
      (page) => {
        setLoading(false);
        setMore((was) => ({ base: was?.base ?? first.items, items: [...(was?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
      },
      (error: unknown) => {
        setLoading(false);
        setFailure(error);
      },
    );
  };
  if (items.length === 0) return <p className="sv-muted">{t('sv.results.noTexts')}</p>;
  return (
    <>
      <ul className="sv-texts" data-testid="sv-texts">
        {items.map((text, i) => (
          <li key={i} className="sv-texts__item">
            {text}
          </li>
        ))}
      </ul>
      {failure !== null && <ErrorNotice error={failure} />}
      {cursor && (
        <button type="button" className="button button--secondary button--wide" disabled={loading} onClick={load}>
          {t('sv.results.moreTexts')}
        </button>
      )}
    </>
  );
}
