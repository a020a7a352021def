// The managers' controls on a survey's page: edit (draft or open), open a draft, close an open survey, results.
import { useState } from 'react';
import type { Survey } from '../../../server/contracts/surveys';
import { ErrorNotice } from '../components/Notice';
import { Link } from '../router/Link';
import { closeSurvey, openSurvey } from './api';
import { useSvI18n } from './i18n/useSvI18n';
import { surveyPath } from './routes';

/** Edit, open, close and results links for a survey. */
export function ManagePanel({ survey, onChanged }: { survey: Survey; onChanged: (survey: Survey) => void }) {
  const { t } = useSvI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const run = (action: (id: string) => Promise<Survey>): void => {
    setBusy(true);
    setFailure(null);
    action(survey.id).then(
      (changed) => {
        setBusy(false);
        onChanged(changed);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };
  const close = (): void => {
    if (window.confirm(t('sv.manage.closeConfirm'))) run(closeSurvey);
  };

  return (
    <section className="card sv-manage" aria-label={t('sv.manage.title')} data-testid="sv-manage">
      <div className="mod-actions">
        {survey.state !== 'closed' && (
          <Link to={surveyPath(survey.id, 'edit')} className="button button--secondary">
            {t('sv.manage.edit')}
          </Link>
        )}
        {survey.state === 'draft' && (
          <button type="button" className="button" disabled={busy} onClick={() => run(openSurvey)} data-testid="sv-open">
            {t('sv.manage.open')}
          </button>
        )}
        {survey.state !== 'draft' && (
          <Link to={surveyPath(survey.id, 'results')} className="button" data-testid="sv-results-link">
            {t('sv.manage.results')}
          </Link>
        )}
        {survey.state === 'open' && (
          <button type="button" className="button button--secondary button--danger" disabled={busy} onClick={close} data-testid="sv-close">
            {t('sv.manage.close')}
          </button>
        )}
      </div>
      {failure !== null && <ErrorNotice error={failure} />}
    </section>
  );
}
