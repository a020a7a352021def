// The way into a community's events from its screen, shown to members.
import type { Role } from '../../../server/contracts/api';
import { Link } from '../router/Link';
import { useEvI18n } from './i18n/useEvI18n';
import { eventsPath } from './routes';

/** A link to a community's events. */
export function EventsLink({ slug, role }: { slug: string; role: Role | null }) {
  const { t } = useEvI18n();
  if (role === null) return null;
  return (
    <Link to={eventsPath(slug)} className="button button--secondary" data-testid="events-link">
      {t('ev.link')}
    </Link>
  );
}

/** The header's link to my events. */
export function MyEventsLink() {
  const { t } = useEvI18n();
  return (
    <Link to="/me/events" className="button button--ghost header__events" data-testid="my-events-header">
      {t('ev.myEvents')}
    </Link>
  );
}
