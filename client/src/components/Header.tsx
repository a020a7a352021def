// The top bar: the name, the language switch and, when signed in, the bell, who I am and sign-out.
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router/Link';
import { navigate } from '../router/router';
import { useSession } from '../session/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { MyEventsLink } from '../events/EventsLink';
import { ErrorNotice } from './Notice';

/** The app header. */
export function Header() {
  const { t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);

  const signOut = (): void => {
    setError(null);
    session.signOut().then(
      () => navigate('/'),
      (failure: unknown) => setError(failure),
    );
  };

  return (
    <header className="header">
      <div className="header__inner">
        <Link to="/" className="header__brand">
          {t('app.name')}
        </Link>
        <nav className="header__actions" aria-label={t('header.navigation')}>
          <LanguageSwitch />
          {session.state.status === 'signedIn' && (
            <>
              <MyEventsLink />
              <NotificationBell />
              {/* The BullMQ dashboard is served by the server, not a client route; only instance admins may open it. */}
              {session.state.me.isAdmin && (
                <a href="/admin/queues" className="button button--ghost header__admin" data-testid="admin-queues-link">
                  {t('header.queues')}
                </a>
              )}
              <span className="header__user" data-testid="current-user">
                {session.state.me.displayName}
              </span>
              <button type="button" className="button button--ghost" onClick={signOut} data-testid="sign-out">
                {t('header.signOut')}
              </button>
            </>
          )}
        </nav>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </header>
  );
}
