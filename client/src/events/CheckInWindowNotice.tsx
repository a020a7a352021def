// "Check-in opens Fri 11 Dec 10.00 WIB." / "Check-in closed ..." above the check-in controls, in the event's zone.
import type { CommunityEvent } from '../../../server/contracts/api';
import { formatInstantIn, type CheckInWindow } from './checkInWindow';
import { useEvI18n } from './i18n/useEvI18n';

/** Says when check-in opens or when it closed; nothing while it is open or when the event is cancelled. */
export function CheckInWindowNotice({ event, window: shown }: { event: CommunityEvent; window: CheckInWindow }) {
  const { t, locale } = useEvI18n();
  if (shown.phase !== 'before' && shown.phase !== 'after') return null;
  const at = (iso: string): string => formatInstantIn({ iso, zone: event.timezone, locale });
  return (
    <p className="notice ev-notice--ended" role="status" data-testid="checkin-window" data-phase={shown.phase}>
      {shown.phase === 'before' ? t('ev.ci.opensAt', { time: at(shown.opensAt) }) : t('ev.ci.closedAt', { time: at(shown.closesAt) })}
    </p>
  );
}
