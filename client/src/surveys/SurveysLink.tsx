// The way into a community's surveys from its screen, shown to members (next to the events link).
import type { Role } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { useSvI18n } from './i18n/useSvI18n';
import { surveysPath } from './routes';

/** A link to a community's surveys. */
export function SurveysLink({ slug, role }: { slug: string; role: Role | null }) {
  const { t } = useSvI18n();
  if (role === null) return null;
  return (
    <Link to={surveysPath(slug)} className="button button--secondary" data-testid="surveys-link">
      {t('sv.link')}
    </Link>
  );
}
