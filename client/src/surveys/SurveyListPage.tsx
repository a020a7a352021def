// /c/:slug/surveys: open surveys to answer (with "answered" once done), closed ones, and for managers the drafts
// and a "New survey" button.
import { useEffect, useState } from 'react';
import { withZoneName } from './closingTime';
import type { Community } from '../../../server/contracts/api';
import type { Survey } from '../../../server/contracts/surveys';
import { EmptyState, ErrorNotice, Loading } from '../components/Notice';
import { Link } from '../router/Link';
import { communityPath } from '../router/router';
import { listSurveys } from './api';
import { useSvI18n } from './i18n/useSvI18n';
import { canManageSurveys } from './roles';
import { newSurveyPath, surveyPath } from './routes';
import { SurveyBadges } from './SurveyBadges';

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; items: Survey[] };

/** The surveys screen of a community. */
export function SurveyListPage({ community }: { community: Community }) {
  const { t } = useSvI18n();
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const manager = canManageSurveys(community.myRole);
  const slug = community.slug;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    listSurveys(slug, controller.signal).then(
      (items) => setState({ status: 'ready', items }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [slug, attempt]);

  return (
    <div className="sv-screen" data-testid="surveys-screen">
      <section className="card community-header">
        <Link to={communityPath(slug)} className="community-header__back">
          {t('sv.back')}
        </Link>
        <h1>
          {t('sv.title')} · {community.name}
        </h1>
        {manager && (
          <div className="ev-toolbar sv-toolbar">
            <Link to={newSurveyPath(slug)} className="button" data-testid="new-survey">
              {t('sv.new')}
            </Link>
          </div>
        )}
      </section>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && <Sections items={state.items} manager={manager} />}
    </div>
  );
}

function Sections({ items, manager }: { items: Survey[]; manager: boolean }) {
  const { t } = useSvI18n();
  if (items.length === 0) {
    return <EmptyState title={t('sv.list.empty')}>{manager && <p>{t('sv.list.emptyManager')}</p>}</EmptyState>;
  }
  const open = items.filter((s) => s.state === 'open');
  const drafts = items.filter((s) => s.state === 'draft');
  const closed = items.filter((s) => s.state === 'closed');
  return (
    <>
      <section aria-labelledby="sv-open" data-testid="sv-open-list">
        <h2 id="sv-open" className="sv-section__title">
          {t('sv.list.open')}
        </h2>
        {open.length === 0 ? <p className="sv-muted">{t('sv.list.noneOpen')}</p> : <Cards items={open} manager={manager} />}
      </section>
      {manager && drafts.length > 0 && (
        <section aria-labelledby="sv-drafts" data-testid="sv-draft-list">
          <h2 id="sv-drafts" className="sv-section__title">
            {t('sv.list.drafts')}
          </h2>
          <Cards items={drafts} manager={manager} />
        </section>
      )}
      {closed.length > 0 && (
        <section aria-labelledby="sv-closed" data-testid="sv-closed-list">
          <h2 id="sv-closed" className="sv-section__title">
            {t('sv.list.closed')}
          </h2>
          <Cards items={closed} manager={manager} />
        </section>
      )}
    </>
  );
}

function Cards({ items, manager }: { items: Survey[]; manager: boolean }) {
  const { t, tn, formatDateTime } = useSvI18n();
  return (
    <ul className="sv-list">
      {items.map((survey) => (
        <li key={survey.id} className={`card sv-card sv-card--${survey.state}`} data-testid="survey-card" data-survey-id={survey.id}>
          <h3 className="sv-card__title">
            <Link to={surveyPath(survey.id)}>{survey.title}</Link>
          </h3>
          <p className="sv-card__meta">
            <SurveyBadges survey={survey} /> {tn('sv.list.questions', survey.questions.length)}
            {manager && survey.state !== 'draft' && <> · {tn('sv.list.responses', survey.responseCount)}</>}
          </p>
          {survey.state === 'open' && survey.closesAt && (
            <p className="sv-card__meta">
              {Date.parse(survey.closesAt) > Date.now() ? t('sv.list.closes', { when: withZoneName(formatDateTime(survey.closesAt), survey.closesAt) }) : t('sv.list.closedAt', { when: withZoneName(formatDateTime(survey.closesAt), survey.closesAt) })}
            </p>
          )}
          {survey.state === 'closed' && survey.closedAt && <p className="sv-card__meta">{t('sv.list.closedAt', { when: withZoneName(formatDateTime(survey.closedAt), survey.closedAt) })}</p>}
          <div className="mod-actions">
            {survey.state === 'open' && !survey.answered && (
              <Link to={surveyPath(survey.id)} className="button">
                {t('sv.list.answer')}
              </Link>
            )}
            {!manager && (survey.answered || survey.state === 'closed') && (
              <Link to={surveyPath(survey.id)} className="button button--secondary" data-testid="sv-card-view">
                {t('sv.list.view')}
              </Link>
            )}
            {manager && survey.state !== 'closed' && (
              <Link to={surveyPath(survey.id, 'edit')} className="button button--secondary">
                {t('sv.list.edit')}
              </Link>
            )}
            {manager && survey.state !== 'draft' && (
              <Link to={surveyPath(survey.id, 'results')} className="button button--secondary">
                {t('sv.list.results')}
              </Link>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
