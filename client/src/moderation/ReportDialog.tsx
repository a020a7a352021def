// "Report" on a post, for members: a reason, an optional note; a second report is answered kindly.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../api/errors';
import { ErrorNotice } from '../components/Notice';
import { REPORT_REASONS, reportPost, type ReportReason } from './api';
import { useModI18n } from './i18n/useModI18n';

type Outcome = 'sent' | 'already' | null;

/** A button that opens the report dialog for one post. Drop it in a post's actions: <ReportButton postId={post.id} />. */
export function ReportButton({ postId }: { postId: string }) {
  const { t } = useModI18n();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => setOpen(true)}
        disabled={outcome !== null}
        data-testid="report-open"
        data-post-id={postId}
      >
        {t('report.open')}
      </button>
      {open && (
        <ReportDialog
          postId={postId}
          onClose={(result) => {
            setOpen(false);
            if (result) setOutcome(result);
          }}
        />
      )}
      {outcome && (
        <span className="mod-muted" role="status" data-testid="report-outcome" data-outcome={outcome}>
          {outcome === 'sent' ? t('report.sent') : t('report.already')}
        </span>
      )}
    </>
  );
}

/** The dialog itself. */
export function ReportDialog({ postId, onClose }: { postId: string; onClose: (outcome: Outcome) => void }) {
  const { t } = useModI18n();
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    reportPost(postId, { reason, ...(note.trim() ? { note: note.trim() } : {}) }).then(
      () => onClose('sent'),
      (failure: unknown) => {
        setBusy(false);
        if (failure instanceof ApiRequestError && failure.code === 'already_reported') onClose('already');
        else setError(failure);
      },
    );
  };

  return (
    <div className="mod-overlay" role="dialog" aria-modal="true" aria-labelledby={`report-title-${postId}`} data-testid="report-dialog">
      <form className="card mod-overlay__box" onSubmit={submit}>
        <h2 id={`report-title-${postId}`}>{t('report.title')}</h2>
        <label className="mod-field">
          <span>{t('report.reason')}</span>
          <select ref={first} value={reason} onChange={(e) => setReason(e.target.value as ReportReason)} data-testid="report-reason">
            {REPORT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`report.reason.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="mod-field">
          <span>{t('report.note')}</span>
          <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} data-testid="report-note" />
        </label>
        {error !== null && <ErrorNotice error={error} />}
        <div className="mod-actions">
          <button type="submit" className="button" disabled={busy} data-testid="report-send">
            {t('report.send')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => onClose(null)}>
            {t('report.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
