// "Subscribe to my events": my private calendar feed URL with copy, a webcal link for calendar apps, and rotate or
// revoke behind a confirmation (the old URL stops working either way). The address is shown once, when it is made,
// so the panel says "copy it now" then, and confirms a copy where screen readers hear it too.
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../components/Notice';
import { createCalendarFeed, deleteCalendarFeed, getCalendarFeed, type CalendarFeed } from './api';
import { useEvI18n } from './i18n/useEvI18n';

type FeedState = { status: 'loading' } | { status: 'ready'; feed: CalendarFeed | null } | { status: 'error'; error: unknown };

/** The calendar feed control; loads when first opened. */
export function CalendarFeedPanel() {
  const { t, formatDateTime } = useEvI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<FeedState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (!open) return undefined;
    const controller = new AbortController();
    getCalendarFeed(controller.signal).then(
      (feed) => setState({ status: 'ready', feed }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [open]);

  const run = (action: () => Promise<CalendarFeed | null>): void => {
    setBusy(true);
    setActionError(null);
    setCopy('idle');
    action()
      .then((feed) => setState({ status: 'ready', feed }), setActionError)
      .finally(() => setBusy(false));
  };
  const create = (): void => run(createCalendarFeed);
  const rotate = (): void => {
    if (window.confirm(t('ev.feed.rotateConfirm'))) run(createCalendarFeed);
  };
  const revoke = (): void => {
    if (window.confirm(t('ev.feed.revokeConfirm'))) run(() => deleteCalendarFeed().then(() => null));
  };
  const copyUrl = (url: string): void => {
    navigator.clipboard.writeText(url).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <details className="card ev-feed" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="calendar-feed">
      <summary className="ev-feed__summary">{t('ev.feed.title')}</summary>
      <p className="field__hint">
        {t('ev.feed.intro')} {t('ev.feed.tentative')}
      </p>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'ready' && state.feed === null && (
        <>
          <p>{t('ev.feed.none')}</p>
          <button type="button" className="button" onClick={create} disabled={busy} data-testid="feed-create">
            {t('ev.feed.create')}
          </button>
        </>
      )}
      {state.status === 'ready' && state.feed !== null && state.feed.url === null && (
        <p data-testid="feed-hidden">{t('ev.feed.hidden', { date: formatDateTime(state.feed.createdAt) })}</p>
      )}
      {state.status === 'ready' && state.feed !== null && state.feed.url !== null && (
        <>
          <p className="notice ev-notice--warn" data-testid="feed-copy-now">
            <strong>{t('ev.feed.copyNow')}</strong>
          </p>
          <label className="field__label" htmlFor="ev-feed-url">
            {t('ev.feed.url')}
          </label>
          <div className="ev-feed__row">
            <input id="ev-feed-url" className="field__input ev-feed__url" readOnly value={state.feed.url} onFocus={(e) => e.currentTarget.select()} data-testid="feed-url" />
            <button type="button" className="button button--secondary ev-feed__copy" onClick={() => state.feed?.url && copyUrl(state.feed.url)} data-testid="feed-copy">
              {copy === 'copied' ? t('ev.feed.copied') : t('ev.feed.copy')}
            </button>
          </div>
          <p role="status" className={copy === 'copied' ? 'field__hint ev-feed__copied' : 'field__hint'} data-testid="feed-copy-status">
            {copy === 'failed' ? t('ev.feed.copyFailed') : copy === 'copied' ? t('ev.feed.copiedNotice') : ''}
          </p>
          {state.feed.webcalUrl && (
            <p>
              <a href={state.feed.webcalUrl} data-testid="feed-webcal">
                {t('ev.feed.webcal')}
              </a>
            </p>
          )}
          <p className="field__hint">{t('ev.feed.private')}</p>
        </>
      )}
      {state.status === 'ready' && state.feed !== null && (
        <div className="mod-actions">
          <button type="button" className="button button--secondary" onClick={rotate} disabled={busy} data-testid="feed-rotate">
            {t('ev.feed.rotate')}
          </button>
          <button type="button" className="button button--secondary button--danger" onClick={revoke} disabled={busy} data-testid="feed-revoke">
            {t('ev.feed.revoke')}
          </button>
        </div>
      )}
      {actionError !== null && <ErrorNotice error={actionError} />}
    </details>
  );
}
