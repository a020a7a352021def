// One inbox item: the conversation, who has it ("Ambil"), its status, the reply box (Ctrl+Enter sends), and for held
// feedback the checker's reasons and the release. Conflicts (someone else took it, or changed it) say so, with a
// refresh that keeps the draft reply.
import { useId, useState, type KeyboardEvent } from 'react';
import type { FeedbackStatus, Feedback } from '../../../server/contracts/surveys';
import { ErrorNotice } from '../components/Notice';
import { useDraft } from '../components/useDraft';
import { useMe } from '../session/SessionProvider';
import { FEEDBACK_MAX_LENGTH, getFeedback, patchFeedback, type FeedbackPatch } from './api';
import { Conversation } from './Conversation';
import { heldReasons, readConflict, type Conflict } from './conflict';
import { useFbI18n } from './i18n/useFbI18n';
import { tabOf } from './inboxState';
import { reasonText } from './reasonText';
import { isWaiting, waitedSince, waitedText } from './waiting';

export interface FeedbackPaneProps {
  item: Feedback;
  now: number;
  onChanged: (item: Feedback) => void;
  onClose: () => void;
}

type Busy = null | 'assign' | 'status' | 'reply' | 'release' | 'refresh';

export function FeedbackPane({ item, now, onChanged, onClose }: FeedbackPaneProps) {
  const { t, tn, formatDateTime } = useFbI18n();
  const me = useMe();
  const [reply, setReply] = useDraft(`rukun:feedback-reply:${item.id}`);
  const [resolveToo, setResolveToo] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [sent, setSent] = useState(false);
  const replyId = useId();
  const held = item.screening === 'held';
  const mine = item.assignee?.id === me.id;
  const tab = tabOf(item);

  // Taking an item goes without a version, so that someone else holding it answers "already claimed" (who has it);
  // everything else carries the version I read, so a change made meanwhile is never overwritten unseen.
  const run = (kind: Exclude<Busy, null>, patch: FeedbackPatch, after?: () => void): void => {
    if (busy) return;
    setBusy(kind);
    setError(null);
    setConflict(null);
    setSent(false);
    const takeOnly = patch.assignee === 'me' && Object.keys(patch).length === 1;
    patchFeedback(item.id, takeOnly ? patch : { ...patch, version: item.version }).then(
      (fresh) => {
        setBusy(null);
        onChanged(fresh);
        after?.();
      },
      (failure: unknown) => {
        setBusy(null);
        const found = readConflict(failure);
        if (found) {
          setConflict(found);
          if (found.current) onChanged(found.current);
        } else setError(failure);
      },
    );
  };

  const refresh = (): void => {
    setBusy('refresh');
    getFeedback(item.id).then(
      (fresh) => {
        setBusy(null);
        setConflict(null);
        onChanged(fresh);
      },
      (failure: unknown) => {
        setBusy(null);
        setError(failure);
      },
    );
  };

  const sendReply = (): void => {
    const body = reply.trim();
    if (!body || held) return;
    // Answering an item nobody has taken takes it too, so the team sees who is on it.
    const take: FeedbackPatch = item.assignee === null ? { assignee: 'me' } : {};
    run('reply', { reply: body, ...take, ...(resolveToo ? { status: 'resolved' as FeedbackStatus } : {}) }, () => {
      setReply('');
      setResolveToo(false);
      setSent(true);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      sendReply();
    }
  };

  const reasons = held ? heldReasons(item) : [];
  const statusButtons: { to: FeedbackStatus; label: string; testId: string }[] = [];
  if (!held && item.status === 'new') statusButtons.push({ to: 'in_progress', label: t('fb.item.markInProgress'), testId: 'fb-mark-in_progress' });
  if (!held && item.status !== 'resolved') statusButtons.push({ to: 'resolved', label: t('fb.item.markResolved'), testId: 'fb-mark-resolved' });
  if (!held && item.status === 'resolved') statusButtons.push({ to: 'in_progress', label: t('fb.item.reopen'), testId: 'fb-reopen' });

  return (
    <section className="card fb-pane" data-testid="fb-pane" data-feedback-id={item.id} data-status={item.status} data-screening={item.screening} data-version={item.version} aria-labelledby="fb-pane-title">
      <header className="fb-pane__header">
        <h2 id="fb-pane-title" className="fb-pane__title">
          <span className={`badge fb-kind fb-kind--${item.kind}`}>{t(`fb.kind.${item.kind}`)}</span>{' '}
          <span className={`badge fb-status fb-status--${tab}`} data-testid="fb-pane-status">
            {t(`fb.status.${tab}`)}
          </span>
        </h2>
        <button type="button" className="button button--ghost fb-pane__close" onClick={onClose}>
          {t('fb.item.close')}
        </button>
      </header>
      <p className="fb-muted">
        {t('fb.item.sentAt', { time: formatDateTime(item.createdAt) })}
        {isWaiting(item) && <> · <strong>{waitedText(waitedSince(item.createdAt, now), t, tn)}</strong></>}
      </p>

      {conflict && (
        <div className="notice notice--error" role="alert" data-testid="fb-conflict" data-conflict={conflict.kind}>
          <p>
            {conflict.kind === 'claimed'
              ? conflict.name
                ? t('fb.item.alreadyClaimed', { name: conflict.name })
                : t('fb.item.alreadyClaimedSomeone')
              : t('fb.item.versionConflict')}
          </p>
          <button type="button" className="button button--secondary" onClick={refresh} disabled={busy !== null} data-testid="fb-refresh">
            {t('fb.item.refresh')}
          </button>
        </div>
      )}

      {held && (
        <div className="notice fb-held" data-testid="fb-held">
          <p>{t('fb.item.held')}</p>
          <h3>{t('fb.item.heldReasons')}</h3>
          {reasons.length === 0 ? (
            <p className="fb-muted">{t('fb.item.heldNoReasons')}</p>
          ) : (
            <ul className="fb-list" data-testid="fb-held-reasons">
              {reasons.map((reason, index) => (
                <li key={index}>{reasonText(reason, t)}</li>
              ))}
            </ul>
          )}
          <p className="fb-muted">{t('fb.item.releaseHint')}</p>
          <button type="button" className="button" onClick={() => run('release', { screening: 'clear' })} disabled={busy !== null} data-testid="fb-release">
            {busy === 'release' ? t('fb.item.saving') : t('fb.item.release')}
          </button>
        </div>
      )}

      <h3>{t('fb.item.conversation')}</h3>
      <Conversation item={item} side="staff" reasons={reasons} />

      <div className="fb-assign" data-testid="fb-assignee">
        <span>{mine ? t('fb.item.assignedToYou') : item.assignee ? t('fb.item.assignedTo', { name: item.assignee.displayName }) : t('fb.item.unassigned')}</span>
        {!mine && (
          <button type="button" className="button button--secondary" onClick={() => run('assign', { assignee: 'me' })} disabled={busy !== null} data-testid="fb-assign">
            {busy === 'assign' ? t('fb.item.saving') : t('fb.item.assign')}
          </button>
        )}
        {mine && (
          <button type="button" className="button button--ghost" onClick={() => run('assign', { assignee: null })} disabled={busy !== null} data-testid="fb-unassign">
            {t('fb.item.unassign')}
          </button>
        )}
      </div>

      {statusButtons.length > 0 && (
        <div className="fb-actions" role="group" aria-label={t('fb.item.statusLabel')}>
          {statusButtons.map((button) => (
            <button key={button.testId} type="button" className="button button--secondary" onClick={() => run('status', { status: button.to })} disabled={busy !== null} data-testid={button.testId}>
              {button.label}
            </button>
          ))}
          {busy === 'status' && <span role="status">{t('fb.item.saving')}</span>}
        </div>
      )}

      {!held && (
        <form
          className="fb-reply"
          onSubmit={(event) => {
            event.preventDefault();
            sendReply();
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={replyId}>
              {t('fb.item.reply')}
            </label>
            <textarea
              id={replyId}
              className="field__input fb-reply__input"
              value={reply}
              onChange={(event) => setReply(event.target.value)}
              onKeyDown={onKeyDown}
              rows={4}
              maxLength={FEEDBACK_MAX_LENGTH}
              aria-describedby={`${replyId}-hint`}
              aria-keyshortcuts="Control+Enter"
              data-testid="fb-reply-input"
            />
            <p className="field__hint" id={`${replyId}-hint`}>
              {t('fb.item.replyHint')}
            </p>
          </div>
          {item.status !== 'resolved' && (
            <label className="fb-check">
              <input type="checkbox" checked={resolveToo} onChange={(event) => setResolveToo(event.target.checked)} data-testid="fb-resolve-too" />
              {t('fb.item.replyAndResolve')}
            </label>
          )}
          <div className="fb-actions">
            <button type="submit" className="button" disabled={busy !== null || !reply.trim()} data-testid="fb-send-reply">
              {busy === 'reply' ? t('fb.item.sending') : t('fb.item.send')}
            </button>
          </div>
          {sent && (
            <p className="notice fb-sent" role="status" data-testid="fb-reply-sent">
              {t('fb.item.replySent')}
            </p>
          )}
        </form>
      )}
      {error !== null && <ErrorNotice error={error} testId="fb-error" />}
    </section>
  );
}
