// One scheduled post opened in the calendar: its whole text, a form to move it, and a two-step cancel.
import { useState, type FormEvent } from 'react';
import type { Post } from '../../../server/contracts/api';
import { ErrorNotice } from '../components/Notice';
import { cancelSchedule, reschedulePost } from './api';
import { useCalI18n } from './i18n/useCalI18n';
import { SchedulePicker } from './SchedulePicker';
import { formatAt, slotOf, type SlotResult } from './scheduleTime';

/** Move or cancel; `onDone` gets the message to announce. */
export function ScheduledPostPanel({ post, zone, onDone }: { post: Post; zone: string; onDone: (message: string) => void }) {
  const { t, locale } = useCalI18n();
  const [schedule, setSchedule] = useState<SlotResult | null>(null);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onDone(await work());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const move = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (!schedule?.ok || busy) return;
    const iso = schedule.iso;
    void run(async () => {
      await reschedulePost(post.id, iso);
      return t('cal.moved', { time: formatAt(iso, zone, locale) });
    });
  };

  return (
    <div className="cal-panel" data-testid="scheduled-post-panel">
      {post.title && <p className="cal-panel__title">{post.title}</p>}
      <p className="cal-panel__body">{post.body}</p>
      <form onSubmit={move} noValidate>
        <h4 className="cal-panel__heading">{t('cal.moveTitle')}</h4>
        <SchedulePicker zone={zone} initial={post.publishAt ? slotOf(post.publishAt, zone) : undefined} onChange={setSchedule} showProblem={tried} />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('cal.moveSubmit')}
        </button>
      </form>
      {confirming ? (
        <div className="cal-panel__confirm" role="group">
          <p>{t('cal.cancelQuestion')}</p>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void run(async () => (await cancelSchedule(post.id), t('cal.cancelled')))}>
            {t('cal.cancelConfirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
            {t('cal.cancelKeep')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--ghost button--danger" onClick={() => setConfirming(true)}>
          {t('cal.cancel')}
        </button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}
