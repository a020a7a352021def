// "Cancel event" for managers, behind a confirmation that names the event; everyone who answered is told by the server.
import { useState } from 'react';
import type { CommunityEvent } from '../../../server/contracts/api';
import { ErrorNotice } from '../components/Notice';
import { cancelEvent } from './api';
import { useEvI18n } from './i18n/useEvI18n';

/** The cancel button with its confirmation. */
export function CancelEventButton({ event, onCancelled }: { event: CommunityEvent; onCancelled: (event: CommunityEvent) => void }) {
  const { t } = useEvI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancel = (): void => {
    if (!window.confirm(t('ev.manage.cancelConfirm', { title: event.title }))) return;
    setBusy(true);
    setError(null);
    cancelEvent(event.id)
      .then((cancelled) => onCancelled({ ...cancelled, myRsvp: cancelled.myRsvp ?? event.myRsvp }), setError)
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" className="button button--secondary button--danger" onClick={cancel} disabled={busy} data-testid="cancel-event">
        {t('ev.manage.cancel')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
