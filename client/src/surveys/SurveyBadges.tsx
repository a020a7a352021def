// A survey's state in words: draft, open or closed, anonymous, and "answered" once I have answered.
import type { Survey } from '../../../server/contracts/surveys';
import { useSvI18n } from './i18n/useSvI18n';

/** The badges of a survey. */
export function SurveyBadges({ survey }: { survey: Survey }) {
  const { t } = useSvI18n();
  return (
    <span className="sv-badges">
      <span className={`badge sv-badge sv-badge--${survey.state}`} data-testid="sv-state">
        {t(`sv.badge.${survey.state}`)}
      </span>
      {survey.anonymous && <span className="badge sv-badge sv-badge--anonymous">{t('sv.badge.anonymous')}</span>}
      {survey.answered && (
        <span className="badge sv-badge sv-badge--answered" data-testid="sv-answered">
          ✓ {t('sv.badge.answered')}
        </span>
      )}
    </span>
  );
}
