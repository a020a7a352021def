// The way into the content calendar from the community's screen, shown to managers and owners only.
import type { Role } from '../../../server/contracts/api';
import { canManageEvents } from '../events/roles';
import { Link } from '../router/Link';
import { useCalI18n } from './i18n/useCalI18n';
import { calendarPath } from './routes';

/** A link to the community's content calendar, for those who plan its content. */
export function CalendarLink({ slug, role }: { slug: string; role: Role | null }) {
  const { t } = useCalI18n();
  if (!canManageEvents(role)) return null;
  return (
    <Link to={calendarPath(slug)} className="button button--secondary" data-testid="calendar-link">
      {t('cal.link')}
    </Link>
  );
}
