// The managers' controls on a survey's page: edit (draft or open), open a draft, close an open survey, results.
import { useEffect, useRef, useState } from 'react';
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
  // Closing cannot be undone: asked in the page (not a browser dialog), the question taking the keyboard.
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const close = (): void => setConfirming(true);

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
          <button type="button" className="button button--secondary button--danger" disabled={busy || confirming} onClick={close} aria-expanded={confirming} data-testid="sv-close">
            {t('sv.manage.close')}
          </button>
        )}
      </div>
      {confirming && survey.state === 'open' && (
        <div ref={confirmRef} tabIndex={-1} className="notice notice--error sv-confirm" role="alertdialog" aria-labelledby="sv-close-confirm" data-testid="sv-close-confirm">
          <p id="sv-close-confirm">{t('sv.manage.closeConfirm')}</p>
          <div className="mod-actions">
            <button
              type="button"
              className="button button--secondary button--danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                run(closeSurvey);
              }}
              data-testid="sv-close-yes"
            >
              {t('sv.manage.close')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setConfirming(false);
                document.querySelector<HTMLElement>('[data-testid="sv-close"]')?.focus();
              }}
            >
              {t('sv.manage.keepOpen')}
            </button>
          </div>
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
    </section>
  );
}
