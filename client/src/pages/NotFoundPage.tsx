// A path that is not a screen.
import { EmptyState } from '../components/Notice';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';

/** The not-found screen. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <EmptyState title={t('notFound.title')}>
      <Link to="/">{t('notFound.home')}</Link>
    </EmptyState>
  );
}
