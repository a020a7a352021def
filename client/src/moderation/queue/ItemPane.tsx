// One item: the post with its matched spans, reasons, reports, the author's history, and the decision form.
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { ModerationItem, SanctionKind } from '../../../../server/contracts/api';
import { ErrorNotice } from '../../components/Notice';
import { ApiRequestError } from '../../api/errors';
import { conflictItem, decideItem, REPORT_REASONS, type DecisionAction, type DecisionInput, type ReportReason } from '../api';
import { HighlightedText } from '../highlight';
import { useModI18n } from '../i18n/useModI18n';
import { useMe } from '../../session/SessionProvider';

const SANCTIONS: readonly SanctionKind[] = ['warn', 'mute', 'suspend', 'ban'];

export interface ItemPaneHandle {
  decide: (action: DecisionAction) => void;
  focusReason: () => void;
}

export interface ItemPaneProps {
  item: ModerationItem;
  claimError: unknown;
  onDecided: (item: ModerationItem, decided: boolean) => void;
}

/** The review pane of the selected item. */
export const ItemPane = forwardRef<ItemPaneHandle, ItemPaneProps>(function ItemPane({ item, claimError, onDecided }, ref) {
  const { t, tn, formatDateTime } = useModI18n();
  const [reason, setReason] = useState('');
  const [withSanction, setWithSanction] = useState(false);
  const [sanctionKind, setSanctionKind] = useState<SanctionKind>('warn');
  const [sanctionReason, setSanctionReason] = useState('');
  const [duration, setDuration] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [sanctionMissing, setSanctionMissing] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const sanctionReasonRef = useRef<HTMLInputElement>(null);
  const me = useMe();
  const post = item.post;
  const resolved = item.state !== 'open';
  // Staff do not judge their own posts (the server refuses too); escalating hands it to someone else.
  const ownPost = post?.author.id === me.id;

  const decide = (action: DecisionAction): void => {
    if (busy || resolved || (ownPost && action !== 'escalate')) return;
    const trimmed = reason.trim();
    if (action === 'remove' && !trimmed) {
      reasonRef.current?.focus();
      return;
    }
    const input: DecisionInput = { action, version: item.version, ...(post ? { revision: post.revision } : {}), ...(trimmed ? { reason: trimmed } : {}) };
    if (withSanction) {
      // A chosen sanction is never dropped: without its own reason it takes the decision's, or the form asks.
      const why = sanctionReason.trim() || trimmed;
      if (!why) {
        setSanctionMissing(true);
        sanctionReasonRef.current?.focus();
        return;
      }
      const minutes = Number.parseInt(duration, 10);
      const timed = sanctionKind !== 'warn' && Number.isFinite(minutes) && minutes > 0;
      input.sanction = { kind: sanctionKind, reason: why, ...(timed ? { durationMinutes: minutes } : {}) };
    }
    setSanctionMissing(false);
    setBusy(true);
    setError(null);
    setConflict(false);
    decideItem(item.id, input).then(
      (result) => {
        setBusy(false);
        setReason('');
        setWithSanction(false);
        setSanctionReason('');
        setDuration('');
        onDecided({ ...result.item, post: result.post }, true);
      },
      (failure: unknown) => {
        setBusy(false);
        const current = failure instanceof ApiRequestError && failure.code === 'version_conflict' ? conflictItem(failure.details) : null;
        if (current) {
          setConflict(true);
          onDecided(current, false);
        } else setError(failure);
      },
    );
  };

  useImperativeHandle(ref, () => ({ decide, focusReason: () => reasonRef.current?.focus() }));

  return (
    <section className="card mod-pane" data-testid="mod-item-pane" data-item-id={item.id} data-state={item.state} data-version={item.version}>
      <h2 className="mod-pane__title">{t('item.post')}</h2>
      {post && (
        <>
          <p className="mod-pane__author">
            {t('item.by', { name: post.author.displayName, handle: post.author.handle })} · <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
          </p>
          {post.title && <HighlightedText text={post.title} reasons={item.reasons} field="title" testId="mod-item-title" />}
          <HighlightedText text={post.body} reasons={item.reasons} field="body" testId="mod-item-body" />
        </>
      )}
      {conflict && (
        <p className="notice notice--error" role="alert" data-testid="mod-conflict">
          {t('item.conflict')}
        </p>
      )}
      {claimError !== null && <ErrorNotice error={claimError} testId="mod-claim-error" />}

      <h3>{t('item.reasons')}</h3>
      {item.reasons.length === 0 ? (
        <p className="mod-muted">{t('item.noReasons')}</p>
      ) : (
        <ul className="mod-list" data-testid="mod-reasons">
          {item.reasons.map((r, index) => {
            const source = [r.source, r.category ?? r.kind, r.severity].filter(Boolean).join(' · ');
            const score = r.score.toFixed(2);
            return <li key={index}>{r.match ? t('item.reason', { source, match: r.match, score }) : t('item.reasonNoMatch', { source, score })}</li>;
          })}
        </ul>
      )}

      <h3>{t('item.reports')}</h3>
      {item.reportCount === 0 ? (
        <p className="mod-muted">{t('item.noReports')}</p>
      ) : (
        <>
          <ul className="mod-chips" data-testid="mod-report-counts">
            {Object.entries(item.reportCounts).map(([why, count]) => (
              <li key={why} className="badge">
                {(REPORT_REASONS as readonly string[]).includes(why) ? t(`report.reason.${why as ReportReason}`) : why}: {count}
              </li>
            ))}
          </ul>
          <ul className="mod-list">
            {item.reports
              .filter((r) => r.note)
              .map((r, index) => (
                <li key={index}>
                  <strong>@{r.reporter.handle}</strong>: {r.note}
                </li>
              ))}
          </ul>
        </>
      )}

      <h3>{t('item.history')}</h3>
      <p data-testid="mod-author-history">
        {t('item.historyLine', { posts: item.authorHistory.posts, removed: item.authorHistory.removed, sanctions: item.authorHistory.sanctions })}
      </p>

      {resolved ? (
        <p className="notice" data-testid="mod-item-resolved">
          {t('item.resolved')}
        </p>
      ) : (
        <form
          className="mod-decision"
          onSubmit={(event) => {
            event.preventDefault();
            decide('remove');
          }}
        >
          <label className="mod-field">
            <span>{t('item.reasonLabel')}</span>
            <input ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} data-testid="mod-reason" />
          </label>
          <label className="mod-check">
            <input type="checkbox" checked={withSanction} onChange={(e) => setWithSanction(e.target.checked)} data-testid="mod-sanction-toggle" />
            {t('item.addSanction')}
          </label>
          {withSanction && (
            <fieldset className="mod-sanction">
              <label className="mod-field">
                <span>{t('item.sanctionKind')}</span>
                <select value={sanctionKind} onChange={(e) => setSanctionKind(e.target.value as SanctionKind)} data-testid="mod-sanction-kind">
                  {SANCTIONS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`sanction.${kind}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="mod-field">
                <span>{t('item.sanctionReason')}</span>
                <input
                  ref={sanctionReasonRef}
                  value={sanctionReason}
                  onChange={(e) => setSanctionReason(e.target.value)}
                  maxLength={1000}
                  aria-invalid={sanctionMissing}
                  data-testid="mod-sanction-reason"
                />
                <small className="mod-muted">{t('item.sanctionReasonHint')}</small>
              </label>
              {sanctionMissing && (
                <p className="notice notice--error" role="alert" data-testid="mod-sanction-missing">
                  {t('item.sanctionReasonMissing')}
                </p>
              )}
              {sanctionKind !== 'warn' && (
                <label className="mod-field">
                  <span>{t('item.sanctionDuration')}</span>
                  <input type="number" min={1} value={duration} onChange={(e) => setDuration(e.target.value)} data-testid="mod-sanction-duration" />
                </label>
              )}
            </fieldset>
          )}
          {ownPost && (
            <p className="notice" data-testid="mod-own-post">
              {t('item.ownPost')}
            </p>
          )}
          <div className="mod-actions">
            <button type="button" className="button" disabled={busy || ownPost} onClick={() => decide('approve')} data-testid="mod-approve">
              {t('item.approve')}
            </button>
            <button type="submit" className="button button--secondary button--danger" disabled={busy || ownPost || !reason.trim()} data-testid="mod-remove">
              {t('item.remove')}
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => decide('escalate')} data-testid="mod-escalate">
              {t('item.escalate')}
            </button>
            {busy && <span role="status">{t('item.deciding')}</span>}
          </div>
          {error !== null && <ErrorNotice error={error} testId="mod-decision-error" />}
          {item.reportCount > 0 && <p className="mod-muted">{tn('queue.reports', item.reportCount)}</p>}
        </form>
      )}
    </section>
  );
});
